import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** `git` in `cwd` with a fixed identity and no signing or hooks from the machine: returns stdout. */
export function gitIn(cwd: string): (...args: string[]) => string {
  mkdirSync(cwd, { recursive: true });
  return (...args) =>
    execFileSync('git', ['-c', 'user.name=qadocs test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
}
