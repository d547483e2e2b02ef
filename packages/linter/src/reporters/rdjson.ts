import type { Diagnostic, LintResult } from '@qadocs/schema';
import { displayPath } from './display-path.js';
import { Utf8Columns } from './utf8-columns.js';

/** reviewdog's `rdjson` position: 1-based line, column in UTF-8 bytes from 1. */
export interface RdjsonPosition {
  line: number;
  column: number;
}

/** One diagnostic of reviewdog's Diagnostic Format. */
export interface RdjsonDiagnostic {
  message: string;
  location: { path: string; range: { start: RdjsonPosition; end: RdjsonPosition } };
  severity: 'ERROR' | 'WARNING';
  code: { value: string; url?: string };
  /** The fix, which reviewdog posts as a suggested change in the pull-request review. */
  suggestions?: Array<{ range: { start: RdjsonPosition; end: RdjsonPosition }; text: string }>;
}

/** reviewdog's DiagnosticResult, the document `reviewdog -f=rdjson` reads. */
export interface RdjsonResult {
  source: { name: 'qadocs'; url: string };
  diagnostics: RdjsonDiagnostic[];
}

/**
 * `--format rdjson`: reviewdog's Diagnostic Format (DiagnosticResult). Each fix becomes a `suggestion`,
 * which reviewdog posts as a one-click suggested change. Columns are UTF-8 byte counts, as reviewdog
 * reads them; a result without its text (`source`/`output`) keeps qadocs' columns and has no suggestions.
 */
export function toRdjson(results: readonly LintResult[], options: { cwd?: string } = {}): RdjsonResult {
  const cwd = options.cwd ?? process.cwd();
  const diagnostics: RdjsonDiagnostic[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const file = displayPath(result.filePath, cwd);
    const text = result.output ?? result.source;
    const columns = text === undefined ? null : new Utf8Columns(text);
    for (const diagnostic of result.messages) diagnostics.push(toRdjsonDiagnostic(diagnostic, file, columns));
  }
  return { source: { name: 'qadocs', url: 'https://github.com/qadocs/qadocs' }, diagnostics };
}

/** `--format rdjson`: the DiagnosticResult on one line, then a newline. */
export function formatRdjson(results: readonly LintResult[], options: { cwd?: string } = {}): string {
  return `${JSON.stringify(toRdjson(results, options))}\n`;
}

function toRdjsonDiagnostic(diagnostic: Diagnostic, file: string, columns: Utf8Columns | null): RdjsonDiagnostic {
  const position = (line: number, column: number) => (columns ? columns.at(line, column) : { line, column });
  // Fix ranges are offsets into the text the diagnostic was made on: without it they cannot become positions.
  const fix = columns ? diagnostic.fix : undefined;
  return {
    message: diagnostic.message,
    location: { path: file, range: { start: position(diagnostic.line, diagnostic.column), end: position(diagnostic.endLine, diagnostic.endColumn) } },
    severity: diagnostic.severity === 2 ? 'ERROR' : 'WARNING',
    code: { value: diagnostic.ruleId, ...(diagnostic.url ? { url: diagnostic.url } : {}) },
    ...(fix && columns ? { suggestions: [{ range: { start: columns.atOffset(fix.range[0]), end: columns.atOffset(fix.range[1]) }, text: fix.text }] } : {}),
  };
}
