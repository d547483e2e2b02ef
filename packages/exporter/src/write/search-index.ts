/** Pagefind's entry file: it names the index files a search loads, so it is committed after them. */
const ENTRY_FILE = 'pagefind-entry.json';

/** One page to index: its path inside `html/` (Pagefind derives the URL from it) and its HTML. */
export interface IndexedPage {
  sourcePath: string;
  content: string;
}

/** One file of the search index, relative to the output root (`html/pagefind/…`). */
export interface SearchIndexFile {
  relativePath: string;
  content: Uint8Array;
}

/**
 * The Pagefind index of the site's pages, as files for `html/pagefind/`, sorted, the entry file last.
 * Built in memory from the pages as the run commits them (not from the folder, which still holds the
 * previous export): the writer stages and commits these files like every other one, so its ledger owns
 * them and a later export removes only index files it wrote. Only document pages are indexed (they mark
 * their article `data-pagefind-body`). Pagefind names index files by content, so an unchanged site
 * yields the same files and nothing is rewritten.
 */
export async function searchIndexFiles(pages: AsyncIterable<IndexedPage>): Promise<SearchIndexFile[]> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for await (const page of pages) {
      const added = await index.addHTMLFile(page);
      if (added.errors.length > 0) throw new Error(`Pagefind could not index html/${page.sourcePath}: ${added.errors.join('; ')}`);
    }
    const built = await index.getFiles();
    if (built.errors.length > 0) throw new Error(`Pagefind could not build its index: ${built.errors.join('; ')}`);
    const files = built.files
      .map((file) => ({ relativePath: `html/pagefind/${file.path.split('\\').join('/').replace(/^\/+/, '')}`, content: file.content }))
      .sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
    return [...files.filter((file) => !file.relativePath.endsWith(`/${ENTRY_FILE}`)), ...files.filter((file) => file.relativePath.endsWith(`/${ENTRY_FILE}`))];
  } finally {
    await pagefind.close();
  }
}
