import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExportWriter, exportDocuments } from '../src/index.js';
import { searchIndexPartFolder, searchIndexParts, type IndexedPage, type SearchIndexPart } from '../src/write/search-index.js';
import { parseContentDocuments } from './support/fixture-documents.js';
import { listFiles } from './support/output-tree.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'qadocs-search-index-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (name: string): IndexedPage => ({
  sourcePath: `${name}.html`,
  content: `<!doctype html><html lang="en"><head><title>${name}</title></head><body><article data-pagefind-body><h1>${name}</h1><p>Words about ${name}.</p></article></body></html>`,
});
async function* pagesNamed(names: string[]): AsyncGenerator<IndexedPage> {
  for (const name of names) yield page(name);
}
async function partsOf(names: string[], partPages: number): Promise<SearchIndexPart[]> {
  const parts: SearchIndexPart[] = [];
  for await (const part of searchIndexParts(pagesNamed(names), partPages)) parts.push(part);
  return parts;
}
const ledgerFiles = (outDir: string) => Object.keys((JSON.parse(readFileSync(path.join(outDir, 'html/.qadocs-files.json'), 'utf8')) as { files: object }).files);

describe('searchIndexParts', () => {
  it('splits the pages into parts of at most the given size, in order, each under its own folder with its entry file last', async () => {
    const parts = await partsOf(['a', 'b', 'c', 'd', 'e'], 2);
    expect(parts.map((part) => part.folder)).toEqual(['pagefind/', 'pagefind/part-2/', 'pagefind/part-3/']);
    for (const part of parts) {
      expect(part.files.length).toBeGreaterThan(1);
      expect(part.files.every((file) => file.relativePath.startsWith(`html/${part.folder}`))).toBe(true);
      // The next part's files are not this part's (part-2/ is inside pagefind/).
      expect(part.files.every((file) => !file.relativePath.slice(`html/${part.folder}`.length).startsWith('part-'))).toBe(true);
      expect(part.files.at(-1)!.relativePath).toBe(`html/${part.folder}pagefind-entry.json`);
      expect(part.files.filter((file) => file.relativePath.endsWith('/pagefind-entry.json'))).toHaveLength(1);
      // Each part has the whole Pagefind bundle its search loads.
      expect(part.files.map((file) => file.relativePath)).toContain(`html/${part.folder}pagefind.js`);
    }
    // Each part holds its own pages: two, two and one fragments.
    expect(parts.map((part) => part.files.filter((file) => file.relativePath.includes('/fragment/')).length)).toEqual([2, 2, 1]);
  });

  it('a site whose page count is a multiple of the part size gets no empty last part; a site without pages still gets one part, so its search page loads', async () => {
    expect((await partsOf(['a', 'b', 'c', 'd'], 2)).map((part) => part.folder)).toEqual(['pagefind/', 'pagefind/part-2/']);
    const empty = await partsOf([], 2);
    expect(empty.map((part) => part.folder)).toEqual(['pagefind/']);
    expect(empty[0]!.files.map((file) => file.relativePath)).toContain('html/pagefind/pagefind.js');
  });

  it('refuses a part size that is not a whole number of pages, quoting it', async () => {
    for (const size of [0, -1, 1.5, Number.NaN]) await expect(partsOf(['a'], size)).rejects.toThrow(`Unexpected search index part size ${String(size)}, expected a whole number of pages, at least 1`);
  });

  it('an export writer refuses such a part size before it writes anything', async () => {
    const outDir = path.join(scratch, 'refused');
    await expect(createExportWriter({ outDir, search: true, searchIndexPartPages: 0 })).rejects.toThrow('Unexpected search index part size 0, expected a whole number of pages, at least 1');
    expect(existsSync(outDir)).toBe(false);
  });

  it('the folder of a part: the first is pagefind/, the next are inside it', () => {
    expect([0, 1, 9].map(searchIndexPartFolder)).toEqual(['pagefind/', 'pagefind/part-2/', 'pagefind/part-10/']);
  });
});

describe('an export whose search index has fewer parts than the last one', () => {
  it('removes the parts it no longer has, and the ledger lists only the parts it wrote', async () => {
    const documents = await parseContentDocuments();
    const outDir = path.join(scratch, 'shrinking');
    await exportDocuments(documents, { outDir, formats: ['html'], search: true, searchIndexPartPages: 2, sourceDateEpoch: null });
    const before = listFiles(outDir);
    expect(before.some((file) => file.startsWith('html/pagefind/part-3/'))).toBe(true);
    expect(ledgerFiles(outDir).filter((file) => file.startsWith('html/pagefind/part-3/')).sort()).toEqual(before.filter((file) => file.startsWith('html/pagefind/part-3/')).sort());

    await exportDocuments(documents, { outDir, formats: ['html'], search: true, sourceDateEpoch: null });
    const after = listFiles(outDir);
    expect(after.filter((file) => file.startsWith('html/pagefind/part-'))).toEqual([]);
    expect(ledgerFiles(outDir).filter((file) => file.startsWith('html/pagefind/part-'))).toEqual([]);
    expect(after).toContain('html/pagefind/pagefind-entry.json');
    expect(readFileSync(path.join(outDir, 'html/assets/search.js'), 'utf8')).toContain('const parts = [];');
  }, 60_000);
});
