import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Build the Pagefind index of the site into `html/pagefind/`, from the pages as written. Only document
 * pages are indexed (they mark their article `data-pagefind-body`). The index is written beside its
 * place and swapped in, so a search never reads half an index or stale fragments of an older one.
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
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
    await pagefind.close();
  }
}
