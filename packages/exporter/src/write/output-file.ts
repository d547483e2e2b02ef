import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, open, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from './crash-point.js';

const TEMP_MARKER = '.qadocs-tmp-';

/** Names of the exporter's temporary files (`<target>.qadocs-tmp-<pid>-<random>`), which a later run cleans up. */
export const TEMPORARY_FILE = /\.qadocs-tmp-\d+-[0-9a-f]{12}$/;

/** A path the exporter must not write: outside the output folder, through a symbolic link, or over a folder. */
export class OutputPathError extends Error {
  override name = 'OutputPathError';
  constructor(
    readonly kind: 'outside' | 'symlink' | 'not-a-directory' | 'is-a-directory',
    readonly relativePath: string,
    message: string,
  ) {
    super(message);
  }
}

/** A file's new content, written beside its target and not yet in place (see `OutputFiles.stage`). */
export interface StagedFile {
  readonly temporary: string;
  readonly target: string;
  /** The target relative to the root (POSIX). */
  readonly relativePath: string;
  /** `fingerprint()` of the new content. */
  readonly fingerprint: string;
}

/** A target that already holds the new content: nothing to write. */
export interface UnchangedFile {
  readonly unchanged: true;
  readonly relativePath: string;
  readonly fingerprint: string;
}

/**
 * What the ledger records of a file it wrote, to tell later whether the file is still that file (and
 * so may be removed) or was replaced by someone else (and is left alone). A content digest rather
 * than size and mtime: a restored CI cache or `cp -r` keeps the bytes but not the times. SHA-1 is
 * an identity check here, not a defence (whoever can write the folder can delete files anyway), and
 * runs on the thread that feeds the workers, where SHA-256 costs 2.5× more.
 */
export function fingerprint(bytes: Uint8Array): string {
  return `sha1-${createHash('sha1').update(bytes).digest('hex')}`;
}

// O_NOFOLLOW is 0 where the platform has none (Windows); lstat checks cover that case.
const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Writes files under one output root: atomically (a temporary file in the same folder, then rename),
 * only when the bytes differ (an unchanged file keeps its mtime), and never through a symbolic link:
 * every folder from the root down is checked with lstat, and rename replaces a link at the target
 * itself rather than the file it points to.
 */
export class OutputFiles {
  readonly #checkedFolders = new Set<string>();
  readonly #createdFolders = new Set<string>();

  constructor(readonly root: string) {}

  /** The absolute path of `relativePath` (POSIX separators), refused if it would leave the root. */
  resolve(relativePath: string): string {
    const absolute = path.resolve(this.root, ...relativePath.split('/'));
    const relative = path.relative(this.root, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new OutputPathError('outside', relativePath, `Unexpected output path \`${relativePath}\`, expected a path inside \`${this.root}\``);
    }
    return absolute;
  }

  /** Whether `relativePath` resolves inside the root. */
  contains(relativePath: string): boolean {
    try {
      this.resolve(relativePath);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The new bytes go to a temporary file beside the target, and the target is left as it is until the
   * commit renames it (see `commit-journal.ts`) or `discard` drops it. Unchanged when the target
   * already holds them.
   *
   * The file system calls here are synchronous on purpose. During `qadocs build` this runs on the
   * thread that hands documents to the worker pool, twice per document: each promise-based call costs
   * more of that thread than the call itself (a page-cache write of a few KB), and while it is busy
   * the workers wait for their next document. Measured on 10,000 documents: 73.5 s instead of 76.4 s.
   */
  async stage(relativePath: string, content: string | Uint8Array): Promise<StagedFile | UnchangedFile> {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const target = await this.#prepare(relativePath);
    if (this.#holds(target, relativePath, bytes)) return { unchanged: true, relativePath, fingerprint: fingerprint(bytes) };
    crashPoint();
    const temporary = temporaryPath(target);
    try {
      // `wx`: a new file, never an existing one or what a link there points to.
      writeFileSync(temporary, bytes, { flag: 'wx', mode: 0o644 });
    } catch (error) {
      // A partial file of ours goes; a file that was already there under this name is not ours to remove.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        try {
          unlinkSync(temporary);
        } catch {
          // Nothing was created.
        }
      }
      throw error;
    }
    return { temporary, target, relativePath, fingerprint: fingerprint(bytes) };
  }

  /** Drop a staged file; its target stays as it was. */
  async discard(staged: StagedFile): Promise<void> {
    await unlink(staged.temporary).catch(() => undefined);
  }

  /** Remove the folders this writer created that are empty again (after discarding), deepest first. */
  async removeCreatedFolders(): Promise<void> {
    const created = [...this.#createdFolders].sort((a, b) => b.split('/').length - a.split('/').length);
    for (const folder of created) await rmdir(this.resolve(folder)).catch(() => undefined);
  }

  /** Like `stage`, for content produced piece by piece (it is never held in memory whole). */
  async stageChunks(relativePath: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<StagedFile | UnchangedFile> {
    const target = await this.#prepare(relativePath);
    crashPoint();
    const temporary = temporaryPath(target);
    const hash = createHash('sha1');
    let size = 0;
    try {
      const handle = await open(temporary, 'wx', 0o644);
      try {
        for await (const chunk of chunks) {
          const bytes = Buffer.from(chunk, 'utf8');
          hash.update(bytes);
          size += bytes.length;
          await handle.write(bytes);
        }
      } finally {
        await handle.close();
      }
      const digest = `sha1-${hash.digest('hex')}`;
      if (await this.#holdsFingerprint(target, relativePath, size, digest)) {
        await unlink(temporary);
        return { unchanged: true, relativePath, fingerprint: digest };
      }
      return { temporary, target, relativePath, fingerprint: digest };
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Remove `relativePath` if it is still the regular file the ledger says the exporter wrote (same
   * fingerprint, or `expected` null for a manifest-derived entry), reached through real folders only.
   * Anything else (changed by someone, replaced by a link or a folder, gone) is left alone: false.
   */
  async removeIfOurs(relativePath: string, expected: string | null): Promise<boolean> {
    let target: string;
    try {
      target = await this.#checkExistingFolders(relativePath);
    } catch {
      return false;
    }
    const stats = lstatSync(target, { throwIfNoEntry: false });
    if (!stats?.isFile()) return false;
    if (expected !== null) {
      const bytes = await this.read(relativePath).catch(() => null);
      if (bytes === null || fingerprint(bytes) !== expected) return false;
    }
    crashPoint();
    await unlink(target);
    return true;
  }

  /**
   * Put in place a staged file named in a commit journal (`relativePath + suffix`), if it is still
   * there as a regular file: true when renamed, false when it was already (or is no longer) there.
   */
  async commitLeftover(relativePath: string, suffix: string): Promise<boolean> {
    const target = await this.#checkExistingFolders(relativePath);
    const temporary = `${target}${suffix}`;
    const stats = lstatSync(temporary, { throwIfNoEntry: false });
    if (!stats?.isFile()) return false;
    this.#existing(target, relativePath);
    crashPoint();
    await rename(temporary, target);
    return true;
  }

  /** Remove the folders above `relativePath` that are empty now, up to (not including) its top folder. */
  async removeEmptyParents(relativePath: string): Promise<void> {
    const segments = relativePath.split('/');
    for (let depth = segments.length - 1; depth > 1; depth--) {
      const removed = await rmdir(this.resolve(segments.slice(0, depth).join('/'))).then(() => true, () => false);
      if (!removed) return;
      this.#checkedFolders.delete(segments.slice(0, depth).join('/'));
    }
  }

  /** Read a file under the root without following a symbolic link. */
  async read(relativePath: string): Promise<Buffer> {
    const handle = await open(this.resolve(relativePath), READ_NO_FOLLOW);
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /** Check containment, create missing folders one by one, and refuse any folder that is a link. */
  async #prepare(relativePath: string): Promise<string> {
    const target = this.resolve(relativePath);
    const segments = relativePath.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      if (this.#checkedFolders.has(folder)) continue;
      const absolute = this.resolve(folder);
      const stats = await lstat(absolute).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
      if (stats === null) {
        const made = await mkdir(absolute).then(() => true, (error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? false : Promise.reject(error)));
        if (made) this.#createdFolders.add(folder);
      }
      const created = stats ?? (await lstat(absolute));
      if (created.isSymbolicLink()) throw new OutputPathError('symlink', folder, `Unexpected symbolic link \`${folder}\` in the output folder, expected a real folder (links are not followed)`);
      if (!created.isDirectory()) throw new OutputPathError('not-a-directory', folder, `Unexpected file \`${folder}\` in the output folder where a folder is needed`);
      this.#checkedFolders.add(folder);
    }
    return target;
  }

  #holds(target: string, relativePath: string, bytes: Uint8Array): boolean {
    const stats = this.#existing(target, relativePath);
    if (!stats || stats.size !== bytes.length) return false;
    const descriptor = openSync(target, READ_NO_FOLLOW);
    try {
      return Buffer.compare(readFileSync(descriptor), bytes) === 0;
    } finally {
      closeSync(descriptor);
    }
  }

  async #holdsFingerprint(target: string, relativePath: string, size: number, digest: string): Promise<boolean> {
    const stats = this.#existing(target, relativePath);
    if (!stats || stats.size !== size) return false;
    const handle = await open(target, READ_NO_FOLLOW);
    const hash = createHash('sha1');
    const buffer = Buffer.alloc(64 * 1024);
    try {
      for (let read = await handle.read(buffer, 0, buffer.length, null); read.bytesRead > 0; read = await handle.read(buffer, 0, buffer.length, null)) {
        hash.update(buffer.subarray(0, read.bytesRead));
      }
    } finally {
      await handle.close();
    }
    return `sha1-${hash.digest('hex')}` === digest;
  }

  /** The absolute path of an existing file, every folder above it checked to be a real folder (none created). */
  async #checkExistingFolders(relativePath: string): Promise<string> {
    const target = this.resolve(relativePath);
    const segments = relativePath.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      if (this.#checkedFolders.has(folder)) continue;
      const stats = await lstat(this.resolve(folder));
      if (!stats.isDirectory()) throw new OutputPathError(stats.isSymbolicLink() ? 'symlink' : 'not-a-directory', folder, `Unexpected \`${folder}\` in the output folder, expected a real folder`);
    }
    return target;
  }

  /** The target's stats when it is a regular file; null when missing or a link (which gets replaced). */
  #existing(target: string, relativePath: string) {
    const stats = lstatSync(target, { throwIfNoEntry: false });
    if (stats?.isDirectory()) throw new OutputPathError('is-a-directory', relativePath, `Unexpected folder \`${relativePath}\` where the exporter writes a file`);
    return stats?.isFile() ? stats : null;
  }

}

function temporaryPath(target: string): string {
  return `${target}${TEMP_MARKER}${process.pid}-${randomBytes(6).toString('hex')}`;
}
