import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

/** Pagefind's entry file: it names the index files a search loads, so it is put in place after them. */
const ENTRY_FILE = 'pagefind-entry.json';

/**
 * Build the Pagefind index of the site into `html/pagefind/`, from the pages as written. Only document
 * pages are indexed (they mark their article `data-pagefind-body`). The index is built beside its
 * place, then only the files whose bytes changed are moved in (Pagefind names index files by content,
 * so an unchanged site rewrites nothing), the entry file last, and stale files are removed after it:
 * a search never reads an entry that names files not there yet.
 */
export async function buildSearchIndex(outRoot: string): Promise<void> {
  const pagefind = await import('pagefind');
  const htmlDir = path.join(outRoot, 'html');
  const target = path.join(htmlDir, 'pagefind');
  const staging = `${target}.qadocs-tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: htmlDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${htmlDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: staging });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await moveChangedFiles(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await pagefind.close();
  }
}

async function moveChangedFiles(from: string, to: string): Promise<void> {
  const fresh = await filesUnder(from);
  const ordered = [...fresh.filter((file) => file !== ENTRY_FILE), ...fresh.filter((file) => file === ENTRY_FILE)];
  for (const file of ordered) {
    const source = path.join(from, file);
    const destination = path.join(to, file);
    const [next, current] = await Promise.all([readFile(source), readFile(destination).catch(() => null)]);
    if (current?.equals(next)) continue;
    await mkdir(path.dirname(destination), { recursive: true });
    await rename(source, destination);
  }
  const kept = new Set(fresh);
  for (const file of await filesUnder(to)) if (!kept.has(file)) await rm(path.join(to, file), { force: true });
  for (const folder of (await foldersUnder(to)).reverse()) await rmdir(path.join(to, folder)).catch(() => undefined);
}

/** Files under a folder, as sorted POSIX paths relative to it; none when it does not exist. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function foldersUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}
