import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TEMPORARY_FILE } from './output-file.js';

/** Which files under a swept folder belong to the exporter, and which of those the new output keeps. */
export interface SweepRule {
  /** A folder under the output root (POSIX), e.g. `html` or `json/docs`. */
  folder: string;
  /** Files the exporter manages there (e.g. names ending in `.html`); others are never touched. */
  manages: (relativePath: string) => boolean;
  /** Managed files of the new output (relative to the output root, NFC). */
  keeps: (relativePath: string) => boolean;
  /** The kept file whose name differs from this one only in case or normalization, if any. */
  aliasOf: (relativePath: string) => string | undefined;
}

/**
 * Remove what the new output no longer has: managed files it does not keep, temporary files a
 * crashed run left behind, and folders that end up empty. Runs after the new manifest is in place.
 * Folders are walked with `readdir` entry types, so a symbolic link is removed as a link (if managed)
 * and never descended into.
 */
export async function sweepOutput(root: string, rule: SweepRule): Promise<number> {
  let removed = 0;
  const visit = async (folder: string): Promise<boolean> => {
    const absolute = path.join(root, ...folder.split('/'));
    const entries = await readdir(absolute, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
    if (entries === null) return false;
    let remaining = entries.length;
    for (const entry of entries) {
      const relative = `${folder}/${entry.name}`;
      const normalized = relative.normalize('NFC');
      if (entry.isDirectory()) {
        if (await visit(relative)) remaining--;
      } else if (TEMPORARY_FILE.test(entry.name)) {
        await unlink(path.join(absolute, entry.name));
        remaining--;
      } else if (rule.manages(normalized) && !rule.keeps(normalized) && !(await isSameFile(root, relative, rule.aliasOf(normalized)))) {
        await unlink(path.join(absolute, entry.name));
        remaining--;
        removed++;
      }
    }
    if (remaining === 0 && folder !== rule.folder) {
      await rmdir(absolute).catch(() => undefined);
      return true;
    }
    return false;
  };
  const top = await lstat(path.join(root, ...rule.folder.split('/'))).catch(() => null);
  if (!top) return 0;
  if (!top.isDirectory()) throw new Error(`Unexpected ${top.isSymbolicLink() ? 'symbolic link' : 'file'} \`${rule.folder}\` in the output folder, expected a real folder (links are not followed)`);
  await visit(rule.folder);
  return removed;
}

/**
 * On a case-insensitive or normalizing file system, `How.html` found on disk may be the very file
 * just written as `how.html`: it is kept when both names lead to the same inode.
 */
async function isSameFile(root: string, relativePath: string, alias: string | undefined): Promise<boolean> {
  if (alias === undefined) return false;
  const [found, kept] = await Promise.all([relativePath, alias].map((file) => lstat(path.join(root, ...file.split('/'))).catch(() => null)));
  return !!found && !!kept && found.ino === kept.ino && found.dev === kept.dev;
}
