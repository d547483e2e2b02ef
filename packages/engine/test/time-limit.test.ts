import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { poolThreads } from '../src/run-documents.js';
import { runWithTimeLimit, TimeLimitExceeded } from '../src/time-limit.js';

// Issue 17, item 3: work in this thread (small runs, --stdin) has the same time limit as a worker.
describe('runWithTimeLimit', () => {
  it('returns what the work returns', () => {
    expect(runWithTimeLimit(() => 6 * 7, 1000)).toBe(42);
  });

  it('stops synchronous work deep inside ordinary functions at the limit', () => {
    const spin = (depth: number): number => {
      if (depth > 0) return spin(depth - 1);
      for (;;) {
        // never returns
      }
    };
    expect(() => runWithTimeLimit(() => spin(50), 200)).toThrow(TimeLimitExceeded);
  });

  it('stops a catastrophic regular expression', () => {
    const backtracking = /^(a+)+$/;
    expect(() => runWithTimeLimit(() => backtracking.test(`${'a'.repeat(40)}b`), 200)).toThrow(TimeLimitExceeded);
  });

  it('passes other errors through, and the thread works normally afterwards', () => {
    expect(() =>
      runWithTimeLimit(() => {
        throw new RangeError('boom');
      }, 1000),
    ).toThrow('boom');
    expect(runWithTimeLimit(() => 'still running', 1000)).toBe('still running');
  });
});

// Issue 17, item 14.
describe('poolThreads', () => {
  it('caps the threads asked for at the cores available', () => {
    expect(poolThreads(300, 1000)).toBe(availableParallelism());
  });

  it('uses every core by default, and never more threads than files or fewer than one', () => {
    expect(poolThreads(undefined, 1000)).toBe(availableParallelism());
    expect(poolThreads(8, 1)).toBe(1);
    expect(poolThreads(1, 0)).toBe(1);
  });
});
