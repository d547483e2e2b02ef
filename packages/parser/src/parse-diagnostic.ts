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
