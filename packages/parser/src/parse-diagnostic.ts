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

/** The fatal `input/too-large` of a file of `size` bytes, over `maxBytes` (found by `stat` or by reading). */
export function tooLargeDiagnostic(size: number, maxBytes: number): ParseDiagnostic {
  return {
    ruleId: 'input/too-large',
    reason: `Unexpected file of ${size} bytes, expected at most ${maxBytes} (set \`maxFileSize\` to raise the limit)`,
    place: FILE_START,
    fatal: true,
  };
}

/**
 * Nodes deeper than this make a document `input/too-complex`. Real documents nest a few levels; the
 * recursive tree walks after the parse (GFM's transforms, rules, HTML rendering) overflow the stack
 * somewhere past several thousand levels, sooner in the main thread (about 1 MB of stack) than in a
 * worker (4 MB). A fixed limit far below both gives the same answer in every thread.
 */
export const MAX_NESTING_DEPTH = 1000;

/** The fatal `input/too-complex` of a file nested deeper than `MAX_NESTING_DEPTH` (or than the stack allows). */
export function tooComplexDiagnostic(depth: number | null, place: Position = FILE_START): ParseDiagnostic {
  const found = depth === null ? 'nesting too deep to parse (the parser ran out of stack)' : `nesting ${depth} levels deep`;
  return {
    ruleId: 'input/too-complex',
    reason: `Unexpected ${found}, expected at most ${MAX_NESTING_DEPTH} levels of nested blocks and inline elements`,
    place,
    fatal: true,
  };
}

/** Whether an error is V8's stack overflow (a RangeError, also when cloned from a worker). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof Error && error.name === 'RangeError' && /call stack size exceeded/i.test(error.message);
}
