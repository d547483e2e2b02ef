/// <reference lib="dom" />
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '@qadocs/parser';
import { exportDocuments } from '../src/index.js';
import { searchIndexPartFolder } from '../src/write/search-index.js';
import { chromiumMissing, launchChromium } from './support/chromium.js';
import { parseContentDocuments } from './support/fixture-documents.js';
import { pagePath } from './support/exported-site.js';
import { serveFolder, type StaticServer } from './support/static-server.js';

// A site's search index is built in parts (Pagefind's indexer holds a whole part in memory); the
// search page merges them. Parts of two pages here stand for parts of 1,000 in a large site.
const PART_PAGES = 2;

/** For each document, a word of at least 7 letters that no other document's answers use. */
function uniqueWords(documents: ParsedDocument[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const { record } of documents) {
    for (const word of record.entries.flatMap((entry) => entry.answer.text.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? [])) {
      owners.set(word, (owners.get(word) ?? new Set()).add(record.id));
    }
  }
  const wordOf = new Map<string, string>();
  for (const [word, ids] of [...owners].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [id] = [...ids];
    if (ids.size === 1 && !wordOf.has(id!)) wordOf.set(id!, word);
  }
  return wordOf;
}

describe.skipIf(chromiumMissing !== null)('a search index in several parts, in headless Chromium', () => {
  let outDir: string;
  let documents: ParsedDocument[];
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'qadocs-search-'));
    documents = await parseContentDocuments();
    await exportDocuments(documents, { outDir, formats: ['html'], search: true, searchIndexPartPages: PART_PAGES, sourceDateEpoch: null });
    server = await serveFolder(outDir);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('writes one part per two pages, each with its own entry file, and the search script merges every part after the first', () => {
    const parts = Math.ceil(documents.length / PART_PAGES);
    expect(parts).toBeGreaterThanOrEqual(3);
    for (let part = 0; part < parts; part++) expect(existsSync(path.join(outDir, 'html', searchIndexPartFolder(part), 'pagefind-entry.json')), `part ${part + 1}`).toBe(true);
    expect(existsSync(path.join(outDir, 'html', searchIndexPartFolder(parts)))).toBe(false);
    const script = readFileSync(path.join(outDir, 'html/assets/search.js'), 'utf8');
    expect(script).toContain(`const parts = ${JSON.stringify(Array.from({ length: parts - 1 }, (_, at) => searchIndexPartFolder(at + 1)))};`);
  });

  it('a word only one document uses finds that document, whichever part holds its page', async () => {
    const words = uniqueWords(documents);
    expect(words.size).toBe(documents.length);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    // Console errors are not checked: Chromium asks the server root for /favicon.ico, which the output folder does not have.
    page.on('pageerror', (error) => problems.push(error.message));
    for (const [id, word] of words) {
      await page.goto(`${server.origin}/html/search.html?q=${encodeURIComponent(word)}`);
      await page.waitForSelector('form[data-ready="true"]');
      await page.waitForSelector('#search-results a');
      const found = await page.$$eval('#search-results a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      expect(found[0], `searching "${word}"`).toBe(pagePath(id));
    }
    expect(problems).toEqual([]);
    const missing = server.requests.filter((request) => request !== '/favicon.ico' && !existsSync(path.join(outDir, request)));
    expect(missing, 'files the search asked for that the export does not have').toEqual([]);
    // Every part's entry file was loaded: the search looked in each part.
    const parts = Math.ceil(documents.length / PART_PAGES);
    for (let part = 0; part < parts; part++) expect(server.requests).toContain(`/html/${searchIndexPartFolder(part)}pagefind-entry.json`);
    await context.close();
  }, 120_000);
});
