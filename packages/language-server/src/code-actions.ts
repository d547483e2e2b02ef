import type { Diagnostic as QadocsDiagnostic } from '@qadocs/schema';
import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './document-analyses.js';
import { rangeOf, toLspDiagnostic } from './lsp-diagnostics.js';

/** The kind of the "apply every fix" source action (`editor.codeActionsOnSave` names it). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.qadocs`;

/** Whether a request limited to `only` kinds wants actions of `kind` (kinds are dot-separated hierarchies). */
export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * Quick fixes for the diagnostics under `range`: the rule's own fix, and a directive that disables the
 * rule for that line. Offsets are converted over the snapshot the diagnostics were found in.
 */
export function quickFixes(analysis: Analysis, range: Range): CodeAction[] {
  const { snapshot, outcome } = analysis;
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const message of outcome.result.messages) {
    const diagnostic = toLspDiagnostic(snapshot, message);
    if (!overlaps(diagnostic.range, range)) continue;
    if (message.fix) {
      actions.push({
        title: `Fix: ${message.reason}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: editOf(snapshot, [{ range: rangeOf(snapshot, message.fix.range), newText: message.fix.text }]),
      });
    }
    const directive = disableDirective(analysis, message);
    if (directive && !disabled.has(`${message.ruleId}:${message.line}`)) {
      disabled.add(`${message.ruleId}:${message.line}`);
      actions.push({ title: `Disable ${message.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: editOf(snapshot, [directive]) });
    }
  }
  return actions;
}

/**
 * `<!-- qadocs-disable-next-line rule -->` on its own line above the problem, indented as that line.
 * Not offered where a directive cannot work: problems that stop the file from being read at all, and
 * lines of the front matter (a comment there would break the YAML).
 */
function disableDirective(analysis: Analysis, message: QadocsDiagnostic): TextEdit | null {
  if (message.parseFailure) return null;
  const start = message.place.start.offset;
  const frontMatter = analysis.outcome.outline?.frontMatter?.range;
  if (frontMatter && start >= frontMatter[0] && start < frontMatter[1]) return null;
  const line = analysis.snapshot.positionAt(start).line;
  const lineText = analysis.snapshot.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = /\r\n?|\n/.exec(analysis.snapshot.getText())?.[0] ?? '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- qadocs-disable-next-line ${message.ruleId} -->${eol}` };
}

/** The whole document replaced by the text `--fix` would write (every fix, in passes, re-linted). */
export function fixAllEdit(snapshot: TextDocument, fixedSource: string): WorkspaceEdit {
  const end = snapshot.positionAt(snapshot.getText().length);
  return editOf(snapshot, [{ range: { start: { line: 0, character: 0 }, end }, newText: fixedSource }]);
}

/** Plain `changes`, which every client applies (`documentChanges` is an optional capability). */
function editOf(snapshot: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [snapshot.uri]: edits } };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
