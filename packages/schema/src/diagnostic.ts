import type { Position } from './qa-document.js';

/** 1 = warning, 2 = error, as in ESLint's JSON output. */
export type SeverityLevel = 1 | 2;

/** A text edit in source offsets: replace `range[0]..range[1]` with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/**
 * A change offered for one problem but never applied by `--fix` (ESLint's suggestion): it may remove or
 * rewrite the author's words, so a person chooses it, in an editor or from the JSON report.
 */
export interface Suggestion {
  /** What the change does, as a menu entry: "Remove the footnote definition `[^a]`". */
  desc: string;
  messageId?: string;
  fix: Fix;
}

/**
 * One problem found in one file. Field names follow vfile-message (`reason`, `place`, `ruleId`,
 * `source`, `fatal` = is an error) so unified reporters print it unchanged, and ESLint's message shape
 * (`severity`, `message`, `line`, `column`, `endLine`, `endColumn`, `fix`) for the JSON report.
 */
export interface Diagnostic {
  ruleId: string;
  source: 'qadocs';
  severity: SeverityLevel;
  /** vfile-message's meaning: true for an error, false for a warning. */
  fatal: boolean;
  /** The file could not be read or parsed (ESLint's `fatal`): no other rule ran on it. */
  parseFailure?: true;
  reason: string;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  place: Position;
  url?: string;
  fix?: Fix;
  /** Changes offered instead of (or beside) `fix`, never applied by `--fix`. */
  suggestions?: Suggestion[];
}

/** The diagnostics of one file, with ESLint's counts. */
export interface LintResult {
  filePath: string;
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, when fixes were applied (as ESLint's `output`). */
  output?: string;
  /** The linted text, when the file has problems and was not fixed (as ESLint's `source`). */
  source?: string;
  /** Problems an inline directive (`<!-- qadocs-disable … -->`) turned off (as ESLint's `suppressedMessages`). */
  suppressedMessages?: Diagnostic[];
  /** Deprecated rules the file was linted with (as ESLint's `usedDeprecatedRules`). */
  usedDeprecatedRules?: DeprecatedRuleUse[];
}

/** A deprecated rule that was on for a file, and the rules that replace it. */
export interface DeprecatedRuleUse {
  ruleId: string;
  replacedBy: string[];
}
