/**
 * A test hook for the crash-safety tests, which must kill a real `qadocs build` at an exact point of
 * its writing (between two renames of the commit, say), not only at a moment a timer happens to hit.
 *
 * Every step that changes the output folder (a file staged, renamed, removed; the journal written or
 * removed) calls `crashPoint()`. With `QADOCS_TEST_KILL_AT_WRITE_STEP=N` in the environment the process
 * sends itself SIGKILL just before step N (1-based): a real kill -9, nothing runs after it. With
 * `QADOCS_TEST_KILL_AT_WRITE_STEP=count` it prints the number of steps (and where the named ones fell)
 * to stderr when it exits, so a test can spread its kill points over a whole run. Without the variable it does nothing.
 */
const setting = process.env.QADOCS_TEST_KILL_AT_WRITE_STEP;
const killAt = setting !== undefined && /^\d+$/.test(setting) ? Number(setting) : null;
let steps = 0;
const named: string[] = [];

if (setting === 'count') process.on('exit', () => process.stderr.write(`qadocs-test: ${steps} write steps${named.map((name) => `, ${name}`).join('')}\n`));

/** Count one write step (`name` marks a step the count reports, e.g. `journal`); under the test hook, die here when it is the chosen one. */
export function crashPoint(name?: string): void {
  steps++;
  if (name !== undefined) named.push(`${name} at ${steps}`);
  if (steps !== killAt) return;
  process.kill(process.pid, 'SIGKILL');
  // The signal may land a moment after kill() returns: nothing of this thread runs meanwhile.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
