import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../usage-error.js';

const run = promisify(execFile);

/**
 * Files changed since a git ref (committed, staged, unstaged and untracked), as absolute paths:
 * what a pull request touches. A ref git does not know is a usage error quoting it.
 */
export async function filesChangedSince(ref: string, cwd: string): Promise<Set<string>> {
  if (ref.startsWith('-')) throw new UsageError(`Unexpected --changed-since "${ref}", expected a git ref such as "origin/main"`);
  let top: string;
  try {
    top = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
    await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd });
  } catch {
    throw new UsageError(`Unexpected --changed-since "${ref}": not a commit git knows here, expected a git ref such as "origin/main"`);
  }
  const changed = (await run('git', ['diff', '--name-only', '--no-renames', '-z', ref, '--'], { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
  const untracked = (await run('git', ['ls-files', '--others', '--exclude-standard', '-z'], { cwd: top, maxBuffer: 64 * 1024 * 1024 })).stdout;
  const files = new Set<string>();
  for (const name of changed.split('\0')) if (name) files.add(path.join(top, name));
  for (const name of untracked.split('\0')) if (name) files.add(path.join(top, name));
  return files;
}
