import { spawn } from 'node:child_process';

/** How a command ended, with everything it printed. */
export interface CommandRun {
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a user's shell would give: the caller's, without what pnpm adds for the scripts it
 * runs (`npm_config_*` settings npm would warn about or obey, `INIT_CWD`) and without colours, so the
 * output can be compared as text.
 */
export function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_)/i.test(key) && key !== 'INIT_CWD' && key !== 'FORCE_COLOR') env[key] = value;
  }
  env.NO_COLOR = '1';
  return env;
}

/** Run `file args…` in `cwd` to completion (never through a shell) and collect its output and exit code. */
export function runCommand(file: string, args: readonly string[], cwd: string): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env: userEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ command: [file, ...args].join(' '), code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
}

/** A run described for assertion messages, so a failure shows what the process said. */
export function describeCommand(run: CommandRun): string {
  return `${run.command}: exit ${run.code}\n--- stdout\n${run.stdout.slice(0, 4000)}\n--- stderr\n${run.stderr.slice(0, 4000)}`;
}
