import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../usage-error.js';

const run = promisify(execFile);
const BIG = { maxBuffer: 256 * 1024 * 1024 };

/** What a change did to one file: added whole (new or untracked), or these lines added or modified. */
export interface FileChange {
  added: boolean;
  /** Line numbers (1-based, in the file as it is now) that the change added or modified. */
  lines: Set<number>;
}

/**
 * Files changed since a git ref (committed, staged, unstaged and untracked), as absolute paths, each
 * with the lines the change added or modified: what a pull request touches. The ref is compared from
 * its merge base with HEAD, as a pull request's diff is, so commits that landed on the base branch
 * meanwhile do not count; renames are followed, so a moved file's old lines are not new. A ref git does
 * not know, or a shallow clone without the merge base, is a usage error that says what to fetch.
 */
export async function changesSince(ref: string, cwd: string): Promise<Map<string, FileChange>> {
  if (ref.startsWith('-')) throw new UsageError(`Unexpected --changed-since "${ref}", expected a git ref such as "origin/main"`);
  let top: string;
  try {
    top = (await run('git', ['rev-parse', '--show-toplevel'], { cwd })).stdout.trim();
  } catch {
    throw new UsageError(`Unexpected --changed-since "${ref}" outside a git repository, expected to run inside one`);
  }
  const shallow = async () => (await run('git', ['rev-parse', '--is-shallow-repository'], { cwd })).stdout.trim() === 'true';
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd });
  } catch {
    if (await shallow()) throw new UsageError(`Unexpected --changed-since "${ref}": not in this shallow clone, expected its history: fetch the base branch and check out with \`fetch-depth: 0\` (actions/checkout)`);
    throw new UsageError(`Unexpected --changed-since "${ref}": not a commit git knows here, expected a git ref such as "origin/main"`);
  }
  let base: string;
  try {
    base = (await run('git', ['merge-base', ref, 'HEAD'], { cwd })).stdout.trim();
  } catch {
    if (await shallow()) {
      throw new UsageError(
        `Unexpected --changed-since "${ref}": this shallow clone does not reach the merge base of "${ref}" and HEAD, expected the history back to where the branch started: check out with \`fetch-depth: 0\` (actions/checkout; \`fetch-depth: 2\` is enough for a pull request's merge commit), or \`git fetch --deepen=<commits on the branch>\``,
      );
    }
    throw new UsageError(`Unexpected --changed-since "${ref}": no common history with HEAD, expected a ref of the same repository such as "origin/main"`);
  }
  const diff = (await run('git', ['-c', 'core.quotePath=false', 'diff', '--find-renames', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', base, '--'], { cwd: top, ...BIG })).stdout;
  const changes = parseUnifiedDiff(diff, top);
  const untracked = (await run('git', ['ls-files', '--others', '--exclude-standard', '-z'], { cwd: top, ...BIG })).stdout;
  for (const name of untracked.split('\0')) if (name) changes.set(path.join(top, name), { added: true, lines: new Set() });
  return changes;
}

/** The changed files of a `git diff --unified=0` and the new-side lines of their hunks; deleted files are left out. */
export function parseUnifiedDiff(diff: string, top: string): Map<string, FileChange> {
  const changes = new Map<string, FileChange>();
  let current: FileChange | null = null;
  let added = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = null;
      added = false;
    } else if (line.startsWith('new file mode')) {
      added = true;
    } else if (line.startsWith('rename to ')) {
      // A pure rename has no `+++` line: the file is there under its new name, none of its lines new.
      current = { added: false, lines: new Set() };
      changes.set(path.join(top, unquote(line.slice('rename to '.length))), current);
    } else if (line.startsWith('+++ ')) {
      const name = line.slice(4);
      if (name === '/dev/null') continue;
      current = { added, lines: new Set() };
      changes.set(path.join(top, unquote(name).replace(/^b\//, '')), current);
    } else if (current && line.startsWith('@@ ')) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let number = start; number < start + count; number++) current.lines.add(number);
    }
  }
  return changes;
}

/** git's C-style quoting of a path with a control character, `"` or `\` (core.quotePath=false keeps UTF-8 as is). */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let index = 1; index < name.length - 1; index++) {
    const char = name[index]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = name[index + 1]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(name.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
