import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MARKDOWN_EXTENSIONS } from './find-documents.js';

/** `--fix` will not write this file, and says why (a diagnostic for that file; the run goes on). */
export class FixNotWritten extends Error {
  override name = 'FixNotWritten';
}

/** Temporary files of `--fix`: `.<name>.qadocs-fix-<pid>-<random>.tmp` beside `<name>`. */
const FIX_TEMPORARY = /^\.(.+)\.qadocs-fix-(\d+)-[0-9a-f]{12}\.tmp$/;
/** The name earlier versions used (`.<name>.<random>.tmp`); removed only beside a Markdown `<name>`. */
const OLD_FIX_TEMPORARY = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Replace a Markdown file's content with its fix, keeping the file's identity: a temporary file beside
 * it gets the new text, the original's owner, group and mode, is flushed, and is renamed over the
 * original, so a crash leaves the old file or the new one, never half of either.
 *
 * Refused (`FixNotWritten`, nothing changed) when that cannot keep the identity or would override the
 * user's protection:
 * - a symbolic link or anything but a regular file;
 * - a file the user could not write: for an ordinary user, what `access(W_OK)` says; for root, which
 *   may write anything, the mode bits decide, as editors and `rm` treat a write-protected file: a file
 *   (or folder) with no write bit is not changed;
 * - a file with more than one hard link: the rename would split it (the other names keep the old
 *   text), and writing in place instead is not atomic (a killed run would leave half a file under
 *   every name), so qadocs refuses and names the file;
 * - a file whose owner or group the user cannot give the new file (someone else's file).
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const stats = await lstat(file);
  if (stats.isSymbolicLink()) throw new FixNotWritten(`Unexpected symbolic link \`${file}\`, expected a regular file (fix not written)`);
  if (!stats.isFile()) throw new FixNotWritten(`Unexpected \`${file}\`: not a regular file (fix not written)`);
  const folder = path.dirname(file);
  if (!(await userCanWrite(file, stats.mode))) {
    throw new FixNotWritten(`Unexpected write-protected file (mode ${octal(stats.mode)}, owner ${stats.uid}:${stats.gid}), expected a file you can write (fix not written; make it writable to let --fix change it)`);
  }
  // For an ordinary user the file system itself refuses a folder it cannot write (reported as such).
  const folderStats = await lstat(folder);
  if (isRoot() && (folderStats.mode & 0o222) === 0) {
    throw new FixNotWritten(`Unexpected write-protected folder \`${folder}\` (mode ${octal(folderStats.mode)}), expected a folder you can write (fix not written)`);
  }
  if (stats.nlink > 1) {
    throw new FixNotWritten(`Unexpected file with ${stats.nlink} hard links, expected one (fix not written: replacing it would split the links, writing in place is not crash-safe)`);
  }
  const temporary = path.join(folder, `.${path.basename(file)}.qadocs-fix-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    try {
      const uid = process.getuid?.();
      const gid = process.getgid?.();
      if (uid !== undefined && (stats.uid !== uid || stats.gid !== gid)) await handle.chown(stats.uid, stats.gid);
    } catch (error) {
      throw new FixNotWritten(`Unexpected owner ${stats.uid}:${stats.gid} that the fixed file could not keep (${(error as NodeJS.ErrnoException).code}), expected a file of yours (fix not written)`);
    }
    // After chown, which clears set-id bits; explicit, so the umask does not narrow the mode.
    await handle.chmod(stats.mode & 0o7777);
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/** Whether the user may write `target`: `access(W_OK)`, and for root (who always may) a write bit. */
async function userCanWrite(target: string, mode: number): Promise<boolean> {
  if (isRoot()) return (mode & 0o222) !== 0;
  return access(target, constants.W_OK).then(
    () => true,
    () => false,
  );
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/**
 * Remove the temporary files a killed `--fix` left in `folder`: ours by name, of a process that is not
 * running (or of an earlier version's naming, only beside the Markdown file they were for). Returns
 * how many went. Failures are ignored: a leftover is untidy, never harmful.
 */
export async function removeStaleFixTemporaries(folder: string): Promise<number> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const present = new Set(names);
  let removed = 0;
  for (const name of names) {
    const current = FIX_TEMPORARY.exec(name);
    const old = current ? null : OLD_FIX_TEMPORARY.exec(name);
    const stale = current ? Number(current[2]) !== process.pid && !isRunning(Number(current[2])) : !!old && present.has(old[1]!) && MARKDOWN_EXTENSIONS.includes(path.extname(old[1]!).slice(1));
    if (!stale) continue;
    const stats = await lstat(path.join(folder, name)).catch(() => null);
    if (!stats?.isFile()) continue;
    if (await unlink(path.join(folder, name)).then(() => true, () => false)) removed++;
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
