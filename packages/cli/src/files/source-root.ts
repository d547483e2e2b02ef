import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** SARIF's `%SRCROOT%`: the top of the git work tree around `cwd` (what code scanning resolves paths from), else `cwd`. */
export async function sourceRoot(cwd: string): Promise<string> {
  try {
    return (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim() || cwd;
  } catch {
    return cwd;
  }
}
