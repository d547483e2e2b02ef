import { readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TEMPORARY_FILE } from './output-file.js';

/**
 * Remove the temporary files a killed run left under `folder` (`*.qadocs-tmp-<pid>-<random>`: a name
 * only the exporter makes), and the folders that removing them leaves empty. Nothing else is touched:
 * files of documents no longer exported go through the ledger (see `output-ledger.ts`). Runs after an
 * interrupted commit was completed, whose journal names some of these files. Folders are walked with
 * `readdir` entry types, so a symbolic link is never descended into.
 */
export async function removeStaleTemporaries(root: string, folder: string): Promise<number> {
  let removed = 0;
  const visit = async (relative: string): Promise<boolean> => {
    const absolute = path.join(root, ...relative.split('/'));
    const entries = await readdir(absolute, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? null : Promise.reject(error)));
    if (entries === null) return false;
    let remaining = entries.length;
    let emptied = false;
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (await visit(`${relative}/${entry.name}`)) {
          remaining--;
          emptied = true;
        }
      } else if (entry.isFile() && TEMPORARY_FILE.test(entry.name)) {
        await unlink(path.join(absolute, entry.name));
        remaining--;
        removed++;
        emptied = true;
      }
    }
    // Only a folder that held nothing but leftovers goes: an empty folder of the user's stays.
    if (remaining === 0 && emptied && relative !== folder) return rmdir(absolute).then(() => true, () => false);
    return false;
  };
  await visit(folder);
  return removed;
}
