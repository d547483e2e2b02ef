import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every regular file under a folder, as sorted POSIX paths relative to it. */
export function listFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Every file's bytes, keyed by relative path. */
export function readTree(root: string): Map<string, Buffer> {
  return new Map(listFiles(root).map((file) => [file, readFileSync(path.join(root, file))]));
}

/** Every file's mtime in nanoseconds, keyed by relative path. */
export function modificationTimes(root: string): Map<string, bigint> {
  return new Map(listFiles(root).map((file) => [file, statSync(path.join(root, file), { bigint: true }).mtimeNs]));
}
