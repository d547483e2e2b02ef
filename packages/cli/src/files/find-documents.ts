import type { Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../usage-error.js';

/** Extensions read as Markdown documents when a folder is given. */
export const MARKDOWN_EXTENSIONS = ['md', 'mdx', 'markdown'];

/**
 * Expand the paths given on the command line into Markdown files, sorted, honouring the .gitignore
 * files inside each folder given (not those above it: a folder named explicitly is linted even when
 * the repository ignores it), and never following symbolic links inside folders (a link could point
 * outside). A path that does not exist, or is a FIFO, socket or device, is a usage error that quotes it.
 */
export async function findDocuments(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  // Loaded only for folders and globs: a one-file run (editor, pre-commit) does not pay for it.
  const loadGlobby = () => import('globby');
  const globby = async (...args: Parameters<typeof import('globby').globby>) => (await loadGlobby()).globby(...args);
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stats;
    try {
      stats = await lstat(absolute);
    } catch {
      if (/[*?[\]{}]/.test(input)) {
        for (const match of await globby(input, { cwd, gitignore: true, followSymbolicLinks: false, absolute: true, onlyFiles: true })) files.add(match);
        continue;
      }
      throw new UsageError(`Unexpected path "${input}": no such file or folder, expected Markdown files or folders`);
    }
    let target = absolute;
    if (stats.isSymbolicLink()) {
      // Named on the command line, a link is the user's choice: its target is linted, under the
      // target's own path (reports name the file read, and --fix writes it, not the link). Links met
      // while walking a folder are still never followed.
      try {
        target = await realpath(absolute);
        stats = await stat(target);
      } catch {
        throw new UsageError(`Unexpected path "${input}": a symbolic link to a missing file, expected Markdown files or folders`);
      }
    }
    if (stats.isFile()) {
      files.add(target);
      continue;
    }
    if (!stats.isDirectory()) {
      throw new UsageError(`Unexpected path "${input}": ${specialFileKind(stats)}, expected Markdown files or folders (regular files)`);
    }
    const pattern = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;
    const walk = { cwd: target, followSymbolicLinks: false, ignore: ['**/node_modules/**'] };
    // globby's own `ignoreFiles` stats every match (10,000 files: 0.4 s); its predicate over the
    // matches gives the same files without that.
    const [isIgnored, matches] = await Promise.all([
      loadGlobby().then(({ isIgnoredByIgnoreFiles }) => isIgnoredByIgnoreFiles('**/.gitignore', walk)),
      globby(pattern, { ...walk, absolute: true, onlyFiles: true }),
    ]).catch((error: NodeJS.ErrnoException) => {
      // A folder that cannot be listed (a content root reaching into /proc, a folder without read
      // permission) is the user's to fix: say which, not where in globby it failed.
      const where = error.path ? `"${error.path}"` : 'a folder inside it';
      throw new UsageError(`Unexpected unreadable folder ${where} (${error.code ?? error.message}) under "${input}", expected folders of Markdown files that can be read`);
    });
    for (const match of matches) if (!isIgnored(match)) files.add(match);
  }
  return [...files].sort();
}

/** What a path that is neither a file nor a folder is, for the message refusing it. */
function specialFileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * `--shard i/n`: a deterministic part of the files, as Playwright and Jest shard tests. Files are
 * assigned by a hash of their path so adding a file does not move the others between shards.
 */
export function selectShard(files: readonly string[], shard: { index: number; count: number }, root: string): string[] {
  return files.filter((file) => fnv1a(path.relative(root, file).split(path.sep).join('/')) % shard.count === shard.index - 1);
}

export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Unexpected --shard "${value}", expected "i/n" with 1 ≤ i ≤ n, like "1/4"`);
  }
  return { index, count };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
