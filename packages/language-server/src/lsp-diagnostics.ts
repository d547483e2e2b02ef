import type { OffsetRange } from '@qadocs/engine';
import { ruleDocsUrl } from '@qadocs/linter';
import type { Diagnostic as QadocsDiagnostic } from '@qadocs/schema';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The LSP range of source offsets. TextDocument counts UTF-16 code units, as unist offsets do. */
export function rangeOf(snapshot: TextDocument, [start, end]: OffsetRange): Range {
  return { start: snapshot.positionAt(start), end: snapshot.positionAt(end) };
}

/** What a diagnostic carries back to the server in a code action request. */
export interface DiagnosticData {
  /** The version of the document the diagnostic was found in. */
  version: number;
  /**
   * The rule has a fix for it (the code action carries the edit). Not the fix itself: a rule that
   * renumbers footnotes gives every report one edit spanning the document, and a copy in each diagnostic
   * made a publish of a 50 KB document megabytes long.
   */
  fixable?: true;
}

/**
 * A qadocs diagnostic as LSP's: positions from the unist offsets over the very text that was linted,
 * `code` the rule id with a link to its docs, errors as errors and warnings as warnings.
 */
export function toLspDiagnostic(snapshot: TextDocument, message: QadocsDiagnostic): Diagnostic {
  const data: DiagnosticData = { version: snapshot.version, ...(message.fix ? { fixable: true as const } : {}) };
  return {
    range: rangeOf(snapshot, [message.place.start.offset, message.place.end.offset]),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: message.ruleId,
    codeDescription: { href: message.url ?? ruleDocsUrl(message.ruleId) },
    source: 'qadocs',
    message: message.reason,
    data,
  };
}
