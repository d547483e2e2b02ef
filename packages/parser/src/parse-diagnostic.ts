import type { Position } from '@qadocs/schema';

/**
 * A problem the parser found before any rule ran. The linter stamps severity, url and source onto it;
 * `fatal` means the record could not be built reliably and rules should not run on it.
 */
export interface ParseDiagnostic {
  ruleId: string;
  reason: string;
  place: Position;
  fatal: boolean;
}

/** A position covering a whole file start, for problems that have no better place. */
export const FILE_START: Position = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

/** The fatal `input/timeout` of a file whose parse was stopped after `timeoutMs` (its worker terminated). */
export function parseTimeoutDiagnostic(timeoutMs: number): ParseDiagnostic {
  return {
    ruleId: 'input/timeout',
    reason: `Unexpected parse still running after ${timeoutMs} ms, expected at most ${timeoutMs} ms per file (the parse was stopped; set \`timeout\` to raise the limit)`,
    place: FILE_START,
    fatal: true,
  };
}
