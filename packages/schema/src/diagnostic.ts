import type { Position } from './qa-document.js';

/** 1 = warning, 2 = error, as in ESLint's JSON output. */
export type SeverityLevel = 1 | 2;

/** A text edit in source offsets: replace `range[0]..range[1]` with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/**
 * One problem found in one file. Field names follow vfile-message so unified reporters can print it.
 */
export interface Diagnostic {
  ruleId: string;
  source: 'qadocs';
  severity: SeverityLevel;
  fatal: boolean;
  reason: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  place: Position;
  url?: string;
  fix?: Fix;
}
