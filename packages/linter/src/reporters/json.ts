import type { DeprecatedRuleUse, Diagnostic, Fix, LintResult } from '@qadocs/schema';

/** A message as ESLint's JSON formatter writes it. */
export interface EslintJsonMessage {
  ruleId: string;
  severity: 1 | 2;
  /** ESLint's meaning: the file could not be parsed. */
  fatal?: true;
  message: string;
  line: number;
  column: number;
  messageId?: string;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  /** ESLint's suggestions: offered to the author, never applied by `--fix`. */
  suggestions?: Array<{ desc: string; messageId?: string; fix: { range: [number, number]; text: string } }>;
}

/** A problem an inline directive turned off, as ESLint lists it in `suppressedMessages`. */
export interface EslintJsonSuppressedMessage extends EslintJsonMessage {
  suppressions: Array<{ kind: 'directive'; justification: string }>;
}

/** A file as ESLint's JSON formatter writes it. */
export interface EslintJsonResult {
  filePath: string;
  messages: EslintJsonMessage[];
  suppressedMessages: EslintJsonSuppressedMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  /** The linted text of a file with problems that was not fixed: what code-frame formatters show. */
  source?: string;
  usedDeprecatedRules: DeprecatedRuleUse[];
}

/** Results in the shape of ESLint's LintResult, key order included, so tools that read ESLint JSON read ours. */
export function toEslintJson(results: readonly LintResult[]): EslintJsonResult[] {
  return results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages.map(toEslintMessage),
    suppressedMessages: (result.suppressedMessages ?? []).map((diagnostic) => ({ ...toEslintMessage(diagnostic), suppressions: [{ kind: 'directive' as const, justification: '' }] })),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    ...(result.output !== undefined ? { output: result.output } : {}),
    ...(result.source !== undefined ? { source: result.source } : {}),
    usedDeprecatedRules: (result.usedDeprecatedRules ?? []).map((used) => ({ ruleId: used.ruleId, replacedBy: [...used.replacedBy] })),
  }));
}

function toEslintMessage(diagnostic: Diagnostic): EslintJsonMessage {
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    ...(diagnostic.parseFailure ? { fatal: true as const } : {}),
    message: diagnostic.message,
    line: diagnostic.line,
    column: diagnostic.column,
    ...(diagnostic.messageId !== undefined ? { messageId: diagnostic.messageId } : {}),
    endLine: diagnostic.endLine,
    endColumn: diagnostic.endColumn,
    ...(diagnostic.fix ? { fix: eslintFix(diagnostic.fix) } : {}),
    ...(diagnostic.suggestions
      ? { suggestions: diagnostic.suggestions.map((suggestion) => ({ desc: suggestion.desc, ...(suggestion.messageId !== undefined ? { messageId: suggestion.messageId } : {}), fix: eslintFix(suggestion.fix) })) }
      : {}),
  };
}

function eslintFix(fix: Fix): { range: [number, number]; text: string } {
  return { range: [fix.range[0], fix.range[1]], text: fix.text };
}

/**
 * JSON text in ASCII only: every character past U+007F is written as its `\uXXXX` escape (what
 * Python's `ensure_ascii` does), so the value read back is the same. A report or cache line of ASCII is
 * a one-byte string to V8: decoding, parsing and writing the 300 MB of a 10,000-document report take a
 * quarter of the time they take once one `é` makes every string two bytes wide.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, escapeCodeUnit);
}

const NON_ASCII = /[\u0080-\uffff]/g;

function escapeCodeUnit(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One file's entry of the `--format json` array, as `formatJson` writes it. */
export function jsonReportEntry(result: LintResult): string {
  return asciiJson(toEslintJson([result])[0]);
}

/** `--format json`: ESLint's JSON formatter output (one line, ASCII: see `asciiJson`), then a newline. */
export function formatJson(results: readonly LintResult[]): string {
  return `${asciiJson(toEslintJson(results))}\n`;
}
