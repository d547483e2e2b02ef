import type { OutlineFootnote, OutlineReference } from '@qadocs/engine';
import { normalizeLabel } from '@qadocs/linter';
import type { Hover, Location, Range, TextEdit } from 'vscode-languageserver';
import type { Position } from 'vscode-languageserver-textdocument';
import type { Analysis } from './document-analyses.js';
import { rangeOf } from './lsp-diagnostics.js';

/** The footnote under the cursor: a `[^label]` reference or a `[^label]:` definition's label. */
export interface FootnoteAt {
  label: string;
  /** The range of the label itself (what rename replaces). */
  labelRange: Range;
  reference?: OutlineReference;
  definition?: OutlineFootnote;
}

/** The reference or definition at a position, found in the parser's outline (never by scanning the text). */
export function footnoteAt(analysis: Analysis, position: Position): FootnoteAt | null {
  const outline = analysis.outcome.outline;
  if (!outline) return null;
  const offset = analysis.snapshot.offsetAt(position);
  const inside = ([start, end]: [number, number]) => offset >= start && offset <= end;
  const reference = outline.references.find((candidate) => inside(candidate.range));
  if (reference) {
    return { label: reference.label, labelRange: rangeOf(analysis.snapshot, reference.labelRange), reference, ...withDefinition(analysis, reference.label) };
  }
  const definition = outline.footnotes.find((candidate) => inside([candidate.range[0], candidate.labelRange[1] + 2]));
  return definition ? { label: definition.label, labelRange: rangeOf(analysis.snapshot, definition.labelRange), definition } : null;
}

function withDefinition(analysis: Analysis, label: string): { definition?: OutlineFootnote } {
  const definition = analysis.outcome.outline!.footnotes.find((candidate) => normalizeLabel(candidate.label) === normalizeLabel(label));
  return definition ? { definition } : {};
}

/** The definition's text and URL, for the reference (or definition) under the cursor. */
export function footnoteHover(analysis: Analysis, position: Position): Hover | null {
  const at = footnoteAt(analysis, position);
  if (!at) return null;
  const range = at.reference ? rangeOf(analysis.snapshot, at.reference.range) : at.labelRange;
  if (!at.definition) return { range, contents: { kind: 'markdown', value: `**[^${escapeMarkdown(at.label)}]** has no definition \`[^${at.label}]: …\`` } };
  const { text, url, title } = at.definition;
  const lines = [`**[^${escapeMarkdown(at.label)}]** ${escapeMarkdown(text)}`];
  // The text usually holds the title already (`[Title](url)` reads as the title): it is not repeated.
  if (url) lines.push('', `${title && !text.includes(title) ? `${escapeMarkdown(title)}: ` : ''}<${url}>`);
  return { range, contents: { kind: 'markdown', value: lines.join('\n') } };
}

/** Where the footnote is defined: the definition, from a reference or from the definition itself. */
export function footnoteDefinition(analysis: Analysis, position: Position): Location | null {
  const at = footnoteAt(analysis, position);
  if (!at?.definition) return null;
  return { uri: analysis.uri, range: rangeOf(analysis.snapshot, at.definition.range) };
}

/** Every `[^label]` of the footnote under the cursor, and its definition when asked. */
export function footnoteReferences(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] | null {
  const at = footnoteAt(analysis, position);
  if (!at) return null;
  const locations = sameLabel(analysis, at.label).references.map((reference) => ({ uri: analysis.uri, range: rangeOf(analysis.snapshot, reference.range) }));
  if (includeDeclaration && at.definition) locations.push({ uri: analysis.uri, range: rangeOf(analysis.snapshot, at.definition.range) });
  return locations;
}

/** Labels micromark accepts: no whitespace, brackets, caret or backslash (no escapes to get wrong). */
const VALID_LABEL = /^[^\s[\]^\\]{1,999}$/;

/** The edits that rename a footnote: every reference and the definition, or why the name is refused. */
export function renameFootnote(analysis: Analysis, position: Position, newName: string): TextEdit[] | string | null {
  const at = footnoteAt(analysis, position);
  if (!at) return null;
  if (!VALID_LABEL.test(newName)) return `Unexpected footnote label ${JSON.stringify(newName)}, expected letters, digits or punctuation without spaces, brackets, ^ or \\`;
  const { references, definitions } = sameLabel(analysis, at.label);
  const taken = analysis.outcome.outline!.footnotes.some((candidate) => normalizeLabel(candidate.label) === normalizeLabel(newName) && normalizeLabel(candidate.label) !== normalizeLabel(at.label));
  if (taken) return `Unexpected footnote label "${newName}": [^${newName}] is already defined, expected a new label`;
  return [...references.map((reference) => reference.labelRange), ...definitions.map((definition) => definition.labelRange)]
    .filter(([start, end]) => end > start)
    .map((range) => ({ range: rangeOf(analysis.snapshot, range), newText: newName }));
}

function sameLabel(analysis: Analysis, label: string): { references: OutlineReference[]; definitions: OutlineFootnote[] } {
  const key = normalizeLabel(label);
  const outline = analysis.outcome.outline!;
  return {
    references: outline.references.filter((reference) => normalizeLabel(reference.label) === key),
    definitions: outline.footnotes.filter((definition) => normalizeLabel(definition.label) === key),
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}
