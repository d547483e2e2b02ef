/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chunk, Manifest, QaDocument } from '@qadocs/schema';
import { REPOSITORY_ROOT, realCorpusFolder } from '../../test-support/project-paths.mjs';
import { chromiumMissing, launchChromium } from '../../packages/exporter/test/support/chromium.js';
import { serveFolder, type StaticServer } from '../../packages/exporter/test/support/static-server.js';

// The project's own content/, built as a user builds it (`qadocs build`, every format), then checked
// the way its three consumers meet it: programs read the JSON against the published schemas, search
// pipelines read the chunks, readers use the site in Chromium.

const QADOCS = path.join(REPOSITORY_ROOT, 'packages/cli/bin/qadocs.js');
const BASE_URL = 'https://docs.example.com/qa';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function qadocs(args: string[]): string {
  return execFileSync(process.execPath, [QADOCS, ...args], { cwd: REPOSITORY_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Validate an export folder's manifest, records and chunks against the schemas it publishes. Returns the failures. */
function validateExport(outDir: string): { failures: string[]; manifest: Manifest; records: QaDocument[]; chunks: Chunk[] } {
  const json = path.join(outDir, 'json');
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  const schemaFiles = readdirSync(json).filter((file) => file.endsWith('.schema.json'));
  for (const file of schemaFiles) ajv.addSchema(readJson<object>(path.join(json, file)));
  const failures: string[] = [];
  const check = (file: string, value: { $schema?: string }, expectedSchema: string) => {
    if (value.$schema !== expectedSchema) failures.push(`${file}: $schema is ${String(value.$schema)}, expected ${expectedSchema}`);
    const validate = ajv.getSchema(expectedSchema);
    if (!validate) failures.push(`${file}: no published schema ${expectedSchema}`);
    else if (!validate(value)) failures.push(`${file}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
  };
  const manifest = readJson<Manifest>(path.join(json, 'index.json'));
  check('index.json', manifest, 'https://qadocs.dev/schema/v2/index.schema.json');
  const records = manifest.documents.map((entry) => {
    const record = readJson<QaDocument>(path.join(json, entry.recordPath));
    check(entry.recordPath, record, 'https://qadocs.dev/schema/v2/qa-document.schema.json');
    if (record.entries.length !== entry.entryCount || record.citations.length !== entry.citationCount) failures.push(`${entry.recordPath}: counts differ from the manifest`);
    return record;
  });
  const chunks: Chunk[] = [];
  if (schemaFiles.includes('chunk.schema.json')) {
    const validate = ajv.getSchema('https://qadocs.dev/schema/v2/chunk.schema.json')!;
    readFileSync(path.join(json, 'chunks.ndjson'), 'utf8').split('\n').filter(Boolean).forEach((line, index) => {
      const chunk = JSON.parse(line) as Chunk;
      if (!validate(chunk)) failures.push(`chunks.ndjson:${index + 1}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      chunks.push(chunk);
    });
  }
  return { failures, manifest, records, chunks };
}

describe('qadocs build of content/ with every format, as consumers read it', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'qadocs-site-'));
  let exported: ReturnType<typeof validateExport>;

  beforeAll(() => {
    qadocs(['build', 'content', '--out', outDir, '--format', 'json,html,chunks', '--base-url', `${BASE_URL}/`]);
    exported = validateExport(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('every record, the manifest and every chunk validate against the published schemas (ajv), each naming its schema in $schema', () => {
    expect(exported.failures).toEqual([]);
    expect(exported.records.length).toBeGreaterThanOrEqual(15);
    expect(exported.chunks.length).toBeGreaterThan(exported.records.length);
  });

  it("every record carries the classifier's reading", () => {
    for (const record of exported.records) {
      expect(record.classification, record.id).not.toBeNull();
      expect(record.classification!.evidence.length, record.id).toBeGreaterThan(0);
    }
    // Consumers can group by it: the content's declared categories are mostly what the classifier reads.
    const agreeing = exported.records.filter((record) => record.classification!.predicted === record.category).length;
    expect(agreeing).toBeGreaterThan(exported.records.length / 2);
  });

  it('chunks: unique stable ids, one per answer section, citations that resolve to the document\'s definitions', () => {
    const byId = new Map(exported.records.map((record) => [record.id, record]));
    expect(new Set(exported.chunks.map((chunk) => chunk.id)).size).toBe(exported.chunks.length);
    for (const chunk of exported.chunks) {
      const record = byId.get(chunk.documentId)!;
      expect(record, chunk.id).toBeDefined();
      expect(chunk.anchor.startsWith(`${record.id}.html#`), chunk.id).toBe(true);
      expect(chunk.question).toBe(record.entries[chunk.entryIndex]!.question);
      if (chunk.sectionIndex !== null) expect(record.entries[chunk.entryIndex]!.answer.sections[chunk.sectionIndex]!.heading ?? null).toBe(chunk.headingPath.at(-1) ?? null);
      for (const citation of chunk.citations) {
        const definition = record.citations.find((candidate) => candidate.label === citation.label);
        expect(definition, `${chunk.id} cites [^${citation.label}]`).toBeDefined();
        expect({ url: citation.url, title: citation.title }).toEqual({ url: definition!.url, title: definition!.title });
      }
    }
    // Every answer section of every entry has its chunk.
    const sections = exported.records.flatMap((record) => record.entries.flatMap((entry, entryIndex) => entry.answer.sections.map((_, sectionIndex) => `${record.id}/${entryIndex}/${sectionIndex}`)));
    const chunked = new Set(exported.chunks.filter((chunk) => chunk.sectionIndex !== null).map((chunk) => `${chunk.documentId}/${chunk.entryIndex}/${chunk.sectionIndex}`));
    expect(sections.filter((section) => !chunked.has(section))).toEqual([]);
    // Cited sections exist in content/, so the check above is not vacuous.
    expect(exported.chunks.filter((chunk) => chunk.citations.length > 0).length).toBeGreaterThan(5);
  });

  it('chunks are deterministic and incremental: a second build rewrites nothing', () => {
    const before = readFileSync(path.join(outDir, 'json/chunks.ndjson'));
    const output = execFileSync(process.execPath, [QADOCS, 'build', 'content', '--out', outDir, '--format', 'json,html,chunks', '--base-url', `${BASE_URL}/`], { cwd: REPOSITORY_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toBe('');
    expect(readFileSync(path.join(outDir, 'json/chunks.ndjson')).equals(before)).toBe(true);
  });

  it('sitemap.xml lists the index and every page under --base-url; each page links its canonical URL', () => {
    const sitemap = readFileSync(path.join(outDir, 'html/sitemap.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locations).toEqual([`${BASE_URL}/index.html`, ...exported.manifest.documents.map((entry) => `${BASE_URL}/${entry.id}.html`)]);
    for (const entry of exported.manifest.documents) {
      const page = readFileSync(path.join(outDir, 'html', `${entry.id}.html`), 'utf8');
      expect(page, entry.id).toContain(`<link rel="canonical" href="${BASE_URL}/${entry.id}.html">`);
    }
  });

  describe.skipIf(chromiumMissing !== null)('in headless Chromium', () => {
    let server: StaticServer;
    let browser: Browser;
    const pageUrl = (relative: string) => `${server.origin}/html/${relative}`;

    beforeAll(async () => {
      server = await serveFolder(outDir);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function open(relative: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      const response = await page.goto(pageUrl(relative));
      expect(response?.status(), relative).toBe(200);
      return page;
    }

    it('every chunk anchor lands on an element of its page', async () => {
      const byPage = new Map<string, string[]>();
      for (const chunk of exported.chunks) {
        const [page, fragment] = chunk.anchor.split('#') as [string, string];
        byPage.set(page, [...(byPage.get(page) ?? []), fragment]);
      }
      const page = await open('index.html');
      for (const [relative, fragments] of byPage) {
        expect((await page.goto(pageUrl(relative)))?.status(), relative).toBe(200);
        const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), fragments);
        expect(missing, relative).toEqual([]);
      }
      await page.context().close();
      expect(byPage.size).toBe(exported.records.length);
    }, 300_000);

    it('search: a word from one document, typed into the search page, finds that document', async () => {
      // A word of at least 7 letters that only one document's answers use.
      const documentsByWord = new Map<string, Set<string>>();
      for (const record of exported.records) {
        for (const word of record.entries.flatMap((entry) => entry.answer.text.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? [])) {
          documentsByWord.set(word, (documentsByWord.get(word) ?? new Set()).add(record.id));
        }
      }
      const [word, owners] = [...documentsByWord].filter(([, ids]) => ids.size === 1).sort(([a], [b]) => (a < b ? -1 : 1))[0]!;
      const expected = [...owners][0]!;
      const page = await open('search.html');
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      await page.waitForSelector('form[data-ready="true"]');
      await page.getByLabel('Search the documents').fill(word);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#search-results a');
      const found = await page.$$eval('#search-results a', (links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(found[0], `searching "${word}"`).toBe(pageUrl(`${expected}.html`));
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it('only the search page runs a script: every other page has none and a policy that allows none', async () => {
      for (const relative of ['index.html', ...exported.records.map((record) => `${record.id}.html`)]) {
        const html = readFileSync(path.join(outDir, 'html', relative), 'utf8').replace(/&#x27;/g, "'");
        expect(html, relative).not.toMatch(/<script/i);
        expect(html, relative).toContain(`content="default-src 'none'; style-src 'self';`);
        expect(html, relative).not.toContain('script-src');
      }
      const search = readFileSync(path.join(outDir, 'html/search.html'), 'utf8').replace(/&#x27;/g, "'");
      expect(search).toContain("script-src 'self' 'wasm-unsafe-eval'");
    });

    it("a titled document shows the author's title as its heading and the question under it", async () => {
      const titled = exported.records.find((record) => record.entries.length === 1 && record.title && record.title !== record.entries[0]!.question)!;
      expect(titled).toBeDefined();
      const page = await open(`${titled.id}.html`);
      expect(await page.locator('h1').textContent()).toBe(titled.title);
      expect(await page.locator('p.question').innerText()).toContain(titled.entries[0]!.question);
      expect(await page.title()).toBe(titled.title);
      await page.context().close();
    });

    it('previous/next within a category: Tab reaches both links after the article, and each opens the page the index lists beside this one', async () => {
      const index = await open('index.html');
      const groups = await index.$$eval('section.category', (sections) => sections.map((section) => [...section.querySelectorAll<HTMLAnchorElement>('a.document-link')].map((link) => link.href)));
      await index.context().close();
      const group = groups.find((hrefs) => hrefs.length >= 3)!;
      expect(group, 'a category with three pages').toBeDefined();
      const [previous, current, next] = group as [string, string, string];
      const page = await open(current.slice(pageUrl('').length));
      // Tab from the top of the page until focus leaves the previous/next navigation behind.
      const focused: Array<{ rel: string | null; href: string; inNav: boolean; afterArticle: boolean }> = [];
      for (let step = 0; step < 200; step++) {
        await page.keyboard.press('Tab');
        const active = await page.evaluate(() => {
          const element = document.activeElement as HTMLAnchorElement | null;
          if (!element || element === document.body) return null;
          const article = document.querySelector('article')!;
          return { rel: element.getAttribute('rel'), href: element.href ?? '', inNav: !!element.closest('nav.neighbour-nav'), afterArticle: !!(article.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) };
        });
        if (active === null) break;
        focused.push(active);
        if (focused.filter((each) => each.inNav).length === 2) break;
      }
      const navStops = focused.filter((each) => each.inNav);
      expect(navStops).toEqual([
        { rel: 'prev', href: previous, inNav: true, afterArticle: true },
        { rel: 'next', href: next, inNav: true, afterArticle: true },
      ]);
      await page.keyboard.press('Enter');
      await page.waitForURL(next);
      expect(await page.locator('nav.neighbour-nav a[rel="prev"]').getAttribute('href').then((href) => new URL(href!, next).href)).toBe(current);
      await page.goBack();
      await page.locator('nav.neighbour-nav a[rel="prev"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(previous);
      await page.context().close();
    });

    const layouts = [
      { width: 1280, height: 800, colorScheme: 'light' },
      { width: 1280, height: 800, colorScheme: 'dark' },
      { width: 390, height: 844, colorScheme: 'light' },
      { width: 390, height: 844, colorScheme: 'dark' },
    ] as const;
    it.each(layouts)('axe-core: 0 violations of any impact on the index, the search page and every page of content/ at $width px, $colorScheme', async ({ width, height, colorScheme }) => {
      const pages = ['index.html', 'search.html', ...exported.records.map((record) => `${record.id}.html`)];
      const violations: string[] = [];
      // The policy forbids scripts on document pages: axe, the test's own script, comes in by bypassing it.
      const context = await browser.newContext({ viewport: { width, height }, colorScheme, bypassCSP: true });
      const page = await context.newPage();
      for (const relative of pages) {
        expect((await page.goto(pageUrl(relative)))?.status(), relative).toBe(200);
        await page.evaluate(axeSource);
        const found = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
          const results = await axe.run(document);
          return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
        });
        violations.push(...found.map((violation) => `${relative}: ${violation}`));
      }
      await context.close();
      expect(violations).toEqual([]);
    }, 600_000);
  });
});

describe('the real corpus exported as JSON', () => {
  const corpus = realCorpusFolder('validation of the real corpus export against the published schemas');
  it.skipIf(corpus === null)('every record and the manifest validate against the published schemas', () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'qadocs-corpus-export-'));
    try {
      try {
        qadocs(['export', corpus!, '--out', outDir, '--format', 'json,chunks']);
      } catch (error) {
        // Exit 1 names documents that could not be exported (unparsable files); the rest is still checked.
        if ((error as { status?: number }).status !== 1) throw error;
      }
      const { failures, records } = validateExport(outDir);
      expect(failures.slice(0, 10)).toEqual([]);
      expect(records.length).toBeGreaterThan(1_000);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 600_000);
});
