/** Pagefind's entry file: it names the index files a search loads, so it is committed after them. */
const ENTRY_FILE = 'pagefind-entry.json';

/**
 * Pages per Pagefind index. Pagefind's indexer (a separate process) holds every page of an index
 * until it has built it, about 290 KB a page at its peak (1,000 pages: 290 MB; 9,899 pages in one
 * index: 2.5 GB), so a site is indexed in parts of at most this many pages, one after another, and
 * the search page merges them (Pagefind's `mergeIndex`). Its time per page does not depend on the
 * part's size (1,000 pages: 3.8 s; 500: 2.1 s), and a search loads each part's entry file and the
 * index chunks its words fall in, so fewer, larger parts keep a search's requests down.
 */
export const SEARCH_INDEX_PART_PAGES = 1000;

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

/** One part of the search index: its folder (relative to `html/`, with a trailing `/`) and its files, its entry file last. */
export interface SearchIndexPart {
  folder: string;
  files: SearchIndexFile[];
}

/**
 * The folder of part `part` (from 0) inside `html/`: the first is `pagefind/`, where a site small
 * enough for one part has always had its index; the next are folders inside it (`pagefind/part-2/`),
 * so the whole index stays in the one folder the exporter reserves for it.
 */
export function searchIndexPartFolder(part: number): string {
  return part === 0 ? 'pagefind/' : `pagefind/part-${part + 1}/`;
}

/**
 * The Pagefind index of the site's pages, in parts of at most `partPages` pages, each yielded as soon
 * as it is built and before the next is started, so the indexer holds one part at a time (each part
 * is dropped from it once built). Built in memory from the pages as the run commits them (not from
 * the folder, which still holds the previous export): the writer stages and commits these files like
 * every other one, so its ledger owns them and a later export removes only index files it wrote.
 * Only document pages are indexed (they mark their article `data-pagefind-body`). Pagefind names
 * index files by content, so an unchanged site yields the same files and nothing is rewritten.
 */
export async function* searchIndexParts(pages: AsyncIterable<IndexedPage>, partPages = SEARCH_INDEX_PART_PAGES): AsyncGenerator<SearchIndexPart> {
  checkSearchIndexPartPages(partPages);
  const pagefind = await import('pagefind');
  try {
    let part = 0;
    let index: Awaited<ReturnType<typeof pagefind.createIndex>>['index'] | undefined;
    let indexed = 0;
    const createIndex = async () => {
      const created = await pagefind.createIndex({});
      if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
      return created.index;
    };
    const build = async (): Promise<SearchIndexPart> => {
      const built = await index!.getFiles();
      if (built.errors.length > 0) throw new Error(`Pagefind could not build its index: ${built.errors.join('; ')}`);
      await index!.deleteIndex();
      index = undefined;
      indexed = 0;
      const folder = searchIndexPartFolder(part++);
      return { folder, files: partFiles(folder, built.files) };
    };
    for await (const page of pages) {
      index ??= await createIndex();
      const added = await index.addHTMLFile(page);
      if (added.errors.length > 0) throw new Error(`Pagefind could not index html/${page.sourcePath}: ${added.errors.join('; ')}`);
      if (++indexed === partPages) yield await build();
    }
    // A site without pages still gets an index (empty), so its search page loads and finds nothing.
    if (index === undefined && part === 0) index = await createIndex();
    if (index !== undefined) yield await build();
  } finally {
    await pagefind.close();
  }
}

/** Refuse a part size that is not a whole number of pages, at least 1, quoting it. */
export function checkSearchIndexPartPages(partPages: number): void {
  if (!Number.isInteger(partPages) || partPages < 1) throw new TypeError(`Unexpected search index part size ${String(partPages)}, expected a whole number of pages, at least 1`);
}

/** A part's files under its folder, sorted, its entry file last. */
function partFiles(folder: string, built: ReadonlyArray<{ path: string; content: Uint8Array }>): SearchIndexFile[] {
  const files = built
    .map((file) => ({ relativePath: `html/${folder}${file.path.split('\\').join('/').replace(/^\/+/, '')}`, content: file.content }))
    .sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  const isEntry = (file: SearchIndexFile) => file.relativePath === `html/${folder}${ENTRY_FILE}`;
  return [...files.filter((file) => !isEntry(file)), ...files.filter(isEntry)];
}
