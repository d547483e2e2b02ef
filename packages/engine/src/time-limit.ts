import { Script } from 'node:vm';

/** Thrown by `runWithTimeLimit` when the work was stopped at its limit. */
export class TimeLimitExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Unexpected work still running after ${timeoutMs} ms`);
    this.name = 'TimeLimitExceeded';
  }
}

const WORK = Symbol.for('qadocs.time-limited-work');

/**
 * A script's `timeout` makes V8 stop it from a watchdog thread (TerminateExecution), and everything the
 * script calls runs inside it: so calling the work from a one-line script puts a limit on ordinary
 * module code running in this thread, without a worker to start or terminate.
 */
const CALL_WORK = new Script(`globalThis[Symbol.for('qadocs.time-limited-work')]()`, { filename: 'qadocs-time-limit' });

/**
 * Run synchronous `work` in this thread, stopping it after `timeoutMs` (then `TimeLimitExceeded`).
 * A stopped run unwinds at once: no `catch` or `finally` of the work runs, so the work must keep no
 * state that a stop halfway could leave inconsistent (a document's parse and lint keep none).
 */
export function runWithTimeLimit<T>(work: () => T, timeoutMs: number): T {
  const slot = globalThis as unknown as Record<symbol, unknown>;
  slot[WORK] = work;
  try {
    return CALL_WORK.runInThisContext({ timeout: timeoutMs }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitExceeded(timeoutMs);
    throw error;
  } finally {
    delete slot[WORK];
  }
}
