import { CATEGORIES } from '@qadocs/schema';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './document-analyses.js';

/** A footnote call being typed: `[^` and the label so far, at the end of the line before the cursor. */
const FOOTNOTE_CALL = /\[\^([^\s[\]^\\]*)$/;
/** A `category:` key being given a value, at the start of a front-matter line. */
const CATEGORY_VALUE = /^category:[ \t]*(['"]?)([\w -]*)$/;

/**
 * Whether completion here offers footnote labels, which must be the current text's (a label defined or
 * renamed a moment ago is offered at once); category completion can use the last analysis.
 */
export function completesFootnoteLabel(document: TextDocument, position: Position): boolean {
  return FOOTNOTE_CALL.test(document.getText({ start: { line: position.line, character: 0 }, end: position }));
}

export interface CompletionContext {
  /** The last analysis of the document (its footnotes and front-matter range). */
  analysis: Analysis | undefined;
  /** Spellings the config maps to a category (`howto` -> `how-to`). */
  aliases: Readonly<Record<string, string>>;
}

/**
 * Completion on the line as typed: after `[^` the labels the document defines, after `category:` in the
 * front matter the four categories and the configured spellings. Which footnotes exist and where the
 * front matter lies come from the parser (the last analysis); only the text before the cursor on its
 * line, which the author is typing and no analysis has seen yet, is read here.
 */
export function complete(document: TextDocument, position: Position, context: CompletionContext): CompletionItem[] {
  const lineStart = { line: position.line, character: 0 };
  const before = document.getText({ start: lineStart, end: position });
  const outline = context.analysis?.outcome.outline;
  const call = FOOTNOTE_CALL.exec(before);
  if (call && outline) {
    const typed = call[1]!;
    const after = document.getText({ start: position, end: { line: position.line, character: position.character + 1 } });
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return outline.footnotes.map((footnote, index) => ({
      label: footnote.label,
      kind: CompletionItemKind.Reference,
      detail: footnote.title ?? footnote.url ?? undefined,
      documentation: footnote.text,
      sortText: String(index).padStart(6, '0'),
      textEdit: { range, newText: after === ']' ? footnote.label : `${footnote.label}]` },
    }));
  }
  const category = CATEGORY_VALUE.exec(before);
  if (category && inFrontMatter(document, position, context.analysis)) {
    const typed = category[1]! + category[2]!;
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    const canonical: CompletionItem[] = CATEGORIES.map((name, index) => ({ label: name, kind: CompletionItemKind.EnumMember, detail: 'Diátaxis category', sortText: `0${index}`, textEdit: { range, newText: name } }));
    const aliases: CompletionItem[] = Object.entries(context.aliases)
      .filter(([alias]) => !(CATEGORIES as readonly string[]).includes(alias) && /^[\w-]+$/.test(alias))
      .map(([alias, target]) => ({ label: alias, kind: CompletionItemKind.Value, detail: `alias of ${target} (the diataxis/category fix writes ${target})`, sortText: `1${alias}`, textEdit: { range, newText: alias } }));
    return [...canonical, ...aliases];
  }
  return [];
}

/**
 * Inside the front matter the parser found; while the author is still writing the block (no analysis
 * yet, or no block found because the closing `---` is not typed), a first line `---` counts.
 */
function inFrontMatter(document: TextDocument, position: Position, analysis: Analysis | undefined): boolean {
  const range = analysis?.outcome.outline?.frontMatter?.range;
  if (range && analysis) {
    const start = analysis.snapshot.positionAt(range[0]).line;
    const end = analysis.snapshot.positionAt(range[1]).line;
    return position.line > start && position.line < end;
  }
  return position.line > 0 && /^---[ \t]*$/.test(document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/^\uFEFF/, '').trimEnd());
}
