import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The real `qadocs` binary: the tests run it as a user would, never its functions. */
export const QADOCS_BIN = path.resolve(import.meta.dirname, '../../bin/qadocs.js');

/** How one `qadocs` process ended, with everything it printed. */
export interface QadocsRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface QadocsRunOptions {
  cwd: string;
  /** Text (or bytes) written to the process's standard input, which is then closed. */
  input?: string | Uint8Array;
  /** Variables added to the environment (test hooks such as `QADOCS_TEST_KILL_AT_WRITE_STEP`). */
  env?: Record<string, string>;
  /** Run as this user and group (the tests run as root; some need an ordinary user). */
  user?: { uid: number; gid: number };
}

/** The environment of every run: no colours, no inherited colour forcing. */
export function qadocsEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}

/** Start `qadocs <args>` as a child process (stdout and stderr piped). */
export function spawnQadocs(args: readonly string[], options: QadocsRunOptions): ChildProcess {
  return spawn(process.execPath, [QADOCS_BIN, ...args], { cwd: options.cwd, env: { ...qadocsEnv(), ...options.env }, stdio: ['pipe', 'pipe', 'pipe'], ...options.user });
}

/** Run `qadocs <args>` to completion and collect its output and exit code. */
export function runQadocs(args: readonly string[], options: QadocsRunOptions): Promise<QadocsRun> {
  return new Promise((resolve, reject) => {
    const child = spawnQadocs(args, options);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    // A process that does not read its input closes the pipe early: that is not a failure of the test.
    child.stdin!.on('error', () => {});
    if (options.input !== undefined) child.stdin!.end(options.input);
    else child.stdin!.end();
  });
}

/** Describe a run for assertion messages, so a failure shows what the process said. */
export function describeRun(run: QadocsRun): string {
  return `exit ${run.code}${run.signal ? ` (${run.signal})` : ''}\n--- stdout\n${run.stdout.slice(0, 4000)}\n--- stderr\n${run.stderr.slice(0, 4000)}`;
}

/**
 * Run `qadocs <args>` on a pseudo-terminal (util-linux `script`), for what qadocs prints only on a
 * terminal. stdout and stderr both arrive on the terminal, so `stdout` holds both, with `\r\n` line ends.
 */
export function runQadocsInTerminal(args: readonly string[], options: Pick<QadocsRunOptions, 'cwd'> & { wrap?: readonly string[] }): Promise<QadocsRun> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  // `wrap`: a command that runs qadocs (`timeout -s INT 8` stops a watch as Ctrl+C would).
  const command = [...(options.wrap ?? []), process.execPath, QADOCS_BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    // -e: exit with the command's code; -q: no "Script started" lines; /dev/null: no typescript file.
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: options.cwd, env: qadocsEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}
