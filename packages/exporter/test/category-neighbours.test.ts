import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import { categoryNeighbours, createExportWriter, exportDocuments, indexDocumentOf, linkTargetsFrom, renderDocumentPage, renderIndexPage, serializeRecord, withNeighbourNav, type IndexDocument } from '../src/index.js';
import { pageHref } from '../src/render/document-links.js';
import { selectAll } from './support/select-elements.js';
import { CONTENT_ROOT, parseContentDocuments, parseHostileDocuments } from './support/fixture-documents.js';

const documentOf = (id: string, label: string, category: IndexDocument['category']): IndexDocument => ({ id, path: `${id}.md`, label, description: null, category, entries: 1 });

const documents = [
  documentOf('how-to/b', 'Beta', 'how-to'),
  documentOf('how-to/a', 'alpha', 'how-to'),
  documentOf('deep/nested/c', 'Gamma', 'how-to'),
  documentOf('reference/only', 'Only one', 'reference'),
  documentOf('loose/x', 'X', null),
  documentOf('loose/y', 'Y', null),
];

const navLinks = (tree: Root) =>
  selectAll(tree, (element) => element.tagName === 'nav' && String(element.properties.className) === 'neighbour-nav').flatMap((nav) =>
    selectAll({ type: 'root', children: [nav] }, (element) => element.tagName === 'a').map((link) => ({ href: String(link.properties.href), rel: String(link.properties.rel), text: toString(link) })),
  );

describe('categoryNeighbours', () => {
  it('orders each group as the index lists it: first has no previous, last no next, a lone document neither', () => {
    const neighbours = categoryNeighbours(documents);
    expect(neighbours.get('how-to/a')).toEqual({ previous: null, next: { id: 'how-to/b', label: 'Beta' } });
    expect(neighbours.get('how-to/b')).toEqual({ previous: { id: 'how-to/a', label: 'alpha' }, next: { id: 'deep/nested/c', label: 'Gamma' } });
    expect(neighbours.get('deep/nested/c')).toEqual({ previous: { id: 'how-to/b', label: 'Beta' }, next: null });
    expect(neighbours.get('reference/only')).toEqual({ previous: null, next: null });
    // Uncategorized documents link within their own group, as the index lists them together.
    expect(neighbours.get('loose/x')).toEqual({ previous: null, next: { id: 'loose/y', label: 'Y' } });

    const index = fromHtml(renderIndexPage(documents));
    const listed = selectAll(index, (element) => element.tagName === 'a' && String(element.properties.className) === 'document-link').map((link) => String(link.properties.href));
    const chained = ['how-to/a', 'reference/only', 'loose/x'].flatMap((first) => {
      const ids: string[] = [];
      for (let id: string | undefined = first; id; id = neighbours.get(id)?.next?.id) ids.push(`${id}.html`);
      return ids;
    });
    expect(chained).toEqual(listed);
  });
});

describe('the previous/next navigation of a document page', () => {
  const render = (markdown: string, file: string, neighbours = categoryNeighbours(documents).get(file.replace(/\.md$/, ''))) =>
    fromHtml(renderDocumentPage(parseDocument(markdown, { path: `${CONTENT_ROOT}/${file}`, root: CONTENT_ROOT }), { neighbours }));
  const markdown = '---\ncategory: how-to\n---\n\n# How do I do this?\n\nLike so.\n';

  it('links both neighbours relative to the page, with rel and a labelled nav after the article', () => {
    const tree = render(markdown, 'how-to/b.md');
    expect(navLinks(tree)).toEqual([
      { href: 'a.html', rel: 'prev', text: 'Previous: alpha' },
      { href: '../deep/nested/c.html', rel: 'next', text: 'Next: Gamma' },
    ]);
    const main = selectAll(tree, (element) => element.tagName === 'main')[0]!;
    const children = main.children.filter((child) => child.type === 'element');
    expect(children.map((child) => child.tagName)).toEqual(['article', 'nav']);
    expect(children[1]!.properties.ariaLabel).toBe('How-to guides: previous and next');
  });

  it('gives the first page no previous link, the last no next, a lone page no nav', () => {
    expect(navLinks(render(markdown, 'how-to/a.md')).map((link) => link.rel)).toEqual(['next']);
    const last = navLinks(render(markdown, 'deep/nested/c.md'));
    expect(last).toEqual([{ href: '../../how-to/b.html', rel: 'prev', text: 'Previous: Beta' }]);
    const lone = render('---\ncategory: reference\n---\n\n# Only?\n\nYes.\n', 'reference/only.md');
    expect(selectAll(lone, (element) => element.tagName === 'nav' && String(element.properties.className) === 'neighbour-nav')).toEqual([]);
    const unset = fromHtml(renderDocumentPage(parseDocument(markdown, { path: `${CONTENT_ROOT}/how-to/b.md`, root: CONTENT_ROOT })));
    expect(navLinks(unset)).toEqual([]);
  });

  it('escapes a hostile neighbour label and keeps the page script-free', () => {
    const hostile = '</a><script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = renderDocumentPage(parseDocument(markdown, { path: `${CONTENT_ROOT}/how-to/b.md`, root: CONTENT_ROOT }), {
      neighbours: { previous: { id: 'how-to/a', label: hostile }, next: null },
    });
    expect(html).not.toMatch(/<script|<img/i);
    expect(navLinks(fromHtml(html))).toEqual([{ href: 'a.html', rel: 'prev', text: `Previous: ${hostile}` }]);
  });
});

describe('exportDocuments: previous/next across the exported pages', () => {
  const pageLinks = (outDir: string, id: string) => navLinks(fromHtml(readFileSync(path.join(outDir, 'html', `${id}.html`), 'utf8')));

  it('links every page to pages that exist, and an added document becomes its neighbours\' link on the next export', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'qadocs-neighbours-'));
    try {
      const [content, hostile] = await Promise.all([parseContentDocuments(), parseHostileDocuments()]);
      await exportDocuments([...content, ...hostile], { outDir, sourceDateEpoch: null });
      let linked = 0;
      for (const parsed of [...content, ...hostile].filter((document) => !document.fatal)) {
        const page = path.join(outDir, 'html', `${parsed.record.id}.html`);
        for (const link of pageLinks(outDir, parsed.record.id)) {
          expect(existsSync(path.resolve(path.dirname(page), decodeURIComponent(link.href))), `${parsed.record.id} -> ${link.href}`).toBe(true);
          linked++;
        }
      }
      expect(linked).toBeGreaterThan(0);

      // Labels sort "Aaa…" first: the added how-to goes before the group's first page.
      const howTos = content.filter((parsed) => parsed.record.category === 'how-to').map((parsed) => indexDocumentOf(parsed.record));
      const first = [...categoryNeighbours(howTos)].find(([, around]) => around.previous === null)![0];
      const added = parseDocument('---\ncategory: how-to\n---\n\n# Aaa, how do I come first?\n\nBy my label.\n', { path: `${CONTENT_ROOT}/how-to/added-first.md`, root: CONTENT_ROOT });
      await exportDocuments([...content, ...hostile, added], { outDir, sourceDateEpoch: null });
      expect(pageLinks(outDir, first).find((link) => link.rel === 'prev')?.text).toBe('Previous: Aaa, how do I come first?');
      expect(pageLinks(outDir, 'how-to/added-first')).toEqual([{ href: pageHref('how-to/added-first', first), rel: 'next', text: expect.stringMatching(/^Next: /) as string }]);

      // And removed again: the first page loses its previous link.
      await exportDocuments([...content, ...hostile], { outDir, sourceDateEpoch: null });
      expect(pageLinks(outDir, first).map((link) => link.rel)).toEqual(['next']);
      expect(existsSync(path.join(outDir, 'html', 'how-to', 'added-first.html'))).toBe(false);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('withNeighbourNav: the links set on a page rendered without them', () => {
  const parsed = parseDocument('---\ncategory: how-to\n---\n\n# How do I do this?\n\nLike so: `</article></main>` and <b>bold</b>.\n', { path: `${CONTENT_ROOT}/how-to/b.md`, root: CONTENT_ROOT });
  const page = { id: 'how-to/b', category: 'how-to' as const };
  const neighbours = categoryNeighbours(documents);

  it('gives the bytes renderDocumentPage gives with the neighbours in its context', () => {
    const plain = renderDocumentPage(parsed);
    const linked = renderDocumentPage(parsed, { neighbours: neighbours.get('how-to/b') });
    expect(linked).not.toBe(plain);
    expect(withNeighbourNav(plain, page, neighbours.get('how-to/b'))).toBe(linked);
  });

  it('replaces the links a page already has (a shard\'s), and removes them when it has no neighbours', () => {
    const plain = renderDocumentPage(parsed);
    const stale = renderDocumentPage(parsed, { neighbours: { previous: { id: 'elsewhere/x', label: 'Stale' }, next: null } });
    const linked = renderDocumentPage(parsed, { neighbours: neighbours.get('how-to/b') });
    expect(withNeighbourNav(stale, page, neighbours.get('how-to/b'))).toBe(linked);
    expect(withNeighbourNav(linked, page, { previous: null, next: null })).toBe(plain);
    expect(withNeighbourNav(linked, page, undefined)).toBe(plain);
  });

  it('escapes a hostile label as the rendered page does, and leaves a page without the slot as it is', () => {
    const hostile = { previous: { id: 'how-to/a', label: '</nav></main><script>alert(1)</script>' }, next: null };
    const filled = withNeighbourNav(renderDocumentPage(parsed), page, hostile);
    expect(filled).toBe(renderDocumentPage(parsed, { neighbours: hostile }));
    expect(filled).not.toMatch(/<script/i);
    expect(navLinks(fromHtml(filled))).toEqual([{ href: 'a.html', rel: 'prev', text: `Previous: ${hostile.previous.label}` }]);
    const index = renderIndexPage(documents);
    expect(withNeighbourNav(index, page, neighbours.get('how-to/b'))).toBe(index);
    const foreign = '<!doctype html><main><article>x</article><p>not a navigation</p></main>';
    expect(withNeighbourNav(foreign, page, neighbours.get('how-to/b'))).toBe(foreign);
  });
});

describe('the export writer sets the links over every page of the run', () => {
  it('streamed pages (linkTargets given) get them, and pages added with stale links get the right ones', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'qadocs-neighbours-writer-'));
    try {
      const [content, hostile] = await Promise.all([parseContentDocuments(), parseHostileDocuments()]);
      const exportable = [...content, ...hostile].filter((parsed) => !parsed.fatal);
      const gathered = path.join(outDir, 'gathered');
      const streamed = path.join(outDir, 'streamed');
      await exportDocuments(exportable, { outDir: gathered, sourceDateEpoch: null });
      const linkTargets = linkTargetsFrom(exportable.map((parsed) => parsed.record));
      await exportDocuments(exportable, { outDir: streamed, sourceDateEpoch: null, linkTargets });
      const expected = categoryNeighbours(exportable.map((parsed) => indexDocumentOf(parsed.record)));
      let linked = 0;
      for (const parsed of exportable) {
        const { id } = parsed.record;
        const html = readFileSync(path.join(streamed, 'html', `${id}.html`), 'utf8');
        expect(html, id).toBe(readFileSync(path.join(gathered, 'html', `${id}.html`), 'utf8'));
        const around = expected.get(id)!;
        expect(navLinks(fromHtml(html)).map((link) => link.rel), id).toEqual([...(around.previous ? ['prev'] : []), ...(around.next ? ['next'] : [])]);
        linked += navLinks(fromHtml(html)).length;
      }
      expect(linked).toBeGreaterThan(0);

      // Pages that carry another site's links (as a shard's do) are given this run's.
      const writer = await createExportWriter({ outDir: path.join(outDir, 'stale'), sourceDateEpoch: null });
      for (const parsed of exportable) {
        const stale = { previous: { id: 'elsewhere/gone', label: 'Gone' }, next: { id: 'elsewhere/away', label: 'Away' } };
        await writer.add({ record: parsed.record, json: serializeRecord(parsed.record), html: renderDocumentPage(parsed, { linkTargets, neighbours: stale }) });
      }
      await writer.finish();
      for (const parsed of exportable) {
        const page = `html/${parsed.record.id}.html`;
        expect(readFileSync(path.join(outDir, 'stale', page), 'utf8'), page).toBe(readFileSync(path.join(gathered, page), 'utf8'));
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
