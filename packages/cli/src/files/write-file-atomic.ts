import { randomBytes } from 'node:crypto';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replace a file's content atomically: write a temporary file beside it, flush it, then rename it over
 * the original, so a crash leaves either the old file or the new one, never half of either.
 * The original's permissions are kept; a symbolic link is refused rather than replaced.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  let mode = 0o644;
  try {
    const stats = await lstat(file);
    if (stats.isSymbolicLink()) throw new Error(`Unexpected symbolic link \`${file}\`, expected a regular file (not written)`);
    mode = stats.mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await handle.close();
  await rename(temporary, file);
}
