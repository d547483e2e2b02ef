import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { exportDocuments } from '@qadocs/exporter';
import { parseDocument } from '@qadocs/parser';
import { contentOf, snapshotTree, touchedFiles } from './support/file-tree.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

type HtmlNode = ReturnType<typeof fromHtml> | ReturnType<typeof fromHtml>['children'][number];
type HtmlElement = Extract<HtmlNode, { type: 'element' }>;

/** Every element of a parsed page that passes `test`, in document order. */
function elements(node: HtmlNode, test: (element: HtmlElement) => boolean, found: HtmlElement[] = []): HtmlElement[] {
  if (node.type === 'element' && test(node)) found.push(node);
  if ('children' in node) for (const child of node.children) elements(child, test, found);
  return found;
}

const textOf = (node: HtmlNode): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '');
const className = (element: HtmlElement) => (Array.isArray(element.properties.className) ? element.properties.className.join(' ') : '');

/** A document of one question in `category`; `question` is its label on the index. */
const qaDocument = (category: string, question: string) => `---\ncategory: ${category}\n---\n\n# ${question}\n\nThe answer to it, in a sentence.\n`;

/** Three how-tos whose file order is not their label order (one label has characters HTML escapes), and one reference page. */
const DOCUMENTS = {
  'how-to/zebra.md': qaDocument('how-to', 'How do I add a first page?'),
  'how-to/apple.md': qaDocument('how-to', 'How do I compare a < b & "c"?'),
  'how-to/mango.md': qaDocument('how-to', 'How do I publish the site?'),
  'reference/flags.md': qaDocument('reference', 'Which flags does export take?'),
};

interface NavLink {
  rel: string;
  href: string;
  text: string;
}

/** The previous/next links of an exported page, read from its HTML. */
function navLinks(outDir: string, page: string): NavLink[] {
  const tree = fromHtml(readFileSync(path.join(outDir, 'html', page), 'utf8'));
  const navs = elements(tree, (element) => element.tagName === 'nav' && className(element) === 'neighbour-nav');
  return navs.flatMap((nav) =>
    elements(nav, (element) => element.tagName === 'a').map((link) => ({ rel: String(link.properties.rel), href: String(link.properties.href), text: textOf(link) })),
  );
}

/** The index's groups: each group's pages (relative to html/) and link texts, in the index's order. */
function indexGroups(outDir: string): Array<Array<{ page: string; label: string }>> {
  const tree = fromHtml(readFileSync(path.join(outDir, 'html/index.html'), 'utf8'));
  return elements(tree, (element) => element.tagName === 'section').map((section) =>
    elements(section, (element) => element.tagName === 'a' && className(element) === 'document-link').map((link) => ({ page: decodeURIComponent(String(link.properties.href)), label: textOf(link) })),
  ).filter((group) => group.length > 0);
}

/**
 * Follow every page's links: from each group's first page, `next` walks the group in the index's order
 * and `prev` walks back; the first page has no `prev`, the last no `next`, a lone page no navigation.
 */
function expectLinksFollowTheIndex(outDir: string): void {
  const groups = indexGroups(outDir);
  expect(groups.length).toBeGreaterThan(0);
  for (const group of groups) {
    const target = (from: string, link: NavLink) => path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(link.href)));
    const walk = (start: string, rel: string) => {
      const pages = [start];
      for (let link = navLinks(outDir, start).find((each) => each.rel === rel); link; link = navLinks(outDir, pages.at(-1)!).find((each) => each.rel === rel)) {
        pages.push(target(pages.at(-1)!, link));
        expect(pages.length, `a ${rel} chain from ${start} ends`).toBeLessThanOrEqual(group.length);
      }
      return pages;
    };
    const listed = group.map((entry) => entry.page);
    expect(walk(listed[0]!, 'next')).toEqual(listed);
    expect(walk(listed.at(-1)!, 'prev')).toEqual([...listed].reverse());
    group.forEach((entry, at) => {
      const links = navLinks(outDir, entry.page);
      const expected = [...(at > 0 ? [{ rel: 'prev', text: `Previous: ${group[at - 1]!.label}` }] : []), ...(at < group.length - 1 ? [{ rel: 'next', text: `Next: ${group[at + 1]!.label}` }] : [])];
      expect(links.map(({ rel, text }) => ({ rel, text })), entry.page).toEqual(expected);
    });
  }
}

const htmlPages = (outDir: string) => [...snapshotTree(path.join(outDir, 'html')).keys()].filter((file) => file.endsWith('.html') && file !== 'index.html' && file !== 'search.html');

describe('qadocs export: previous/next links within a category', () => {
  const cwd = makeTempFolder('neighbours');
  const docs = writeFiles(path.join(cwd, 'docs'), DOCUMENTS);
  const out = path.join(cwd, 'out');
  const exportDocs = async (...extra: string[]) => {
    const run = await runQadocs(['export', 'docs', '--out', 'out', '--no-search', ...extra], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    return run;
  };

  it('links every page to its neighbours in the index order, labels escaped; a lone page gets no navigation', async () => {
    await exportDocs();
    expect(indexGroups(out)).toEqual([
      [
        { page: 'how-to/zebra.html', label: 'How do I add a first page?' },
        { page: 'how-to/apple.html', label: 'How do I compare a < b & "c"?' },
        { page: 'how-to/mango.html', label: 'How do I publish the site?' },
      ],
      [{ page: 'reference/flags.html', label: 'Which flags does export take?' }],
    ]);
    expectLinksFollowTheIndex(out);
    expect(navLinks(out, 'how-to/apple.html')).toEqual([
      { rel: 'prev', href: 'zebra.html', text: 'Previous: How do I add a first page?' },
      { rel: 'next', href: 'mango.html', text: 'Next: How do I publish the site?' },
    ]);
    expect(readFileSync(path.join(out, 'html/how-to/mango.html'), 'utf8')).toContain('Previous:</span> How do I compare a &#x3C; b &#x26; "c"?</a>');
    expect(navLinks(out, 'reference/flags.html')).toEqual([]);
  });

  it('a document added rewrites only its own page and its neighbours\'; one removed rewrites only its neighbour', async () => {
    const before = snapshotTree(out);
    await new Promise((resolve) => setTimeout(resolve, 50));
    writeFiles(docs, { 'how-to/added.md': qaDocument('how-to', 'How do I deploy it?') });
    const added = await exportDocs();
    expect(added.stderr).toMatch(/5 documents exported/);
    const afterAdding = snapshotTree(out);
    expect(touchedFiles(before, afterAdding).filter((file) => file.endsWith('.html'))).toEqual(['html/how-to/added.html', 'html/how-to/apple.html', 'html/how-to/mango.html', 'html/index.html']);
    expect(navLinks(out, 'how-to/added.html')).toEqual([
      { rel: 'prev', href: 'apple.html', text: 'Previous: How do I compare a < b & "c"?' },
      { rel: 'next', href: 'mango.html', text: 'Next: How do I publish the site?' },
    ]);
    expectLinksFollowTheIndex(out);

    await new Promise((resolve) => setTimeout(resolve, 50));
    rmSync(path.join(docs, 'how-to/mango.md'));
    const removed = await exportDocs();
    expect(removed.stderr).toMatch(/4 documents exported/);
    const afterRemoving = snapshotTree(out);
    expect(touchedFiles(afterAdding, afterRemoving).filter((file) => file.endsWith('.html'))).toEqual(['html/how-to/added.html', 'html/how-to/mango.html', 'html/index.html']);
    expect(afterRemoving.has('html/how-to/mango.html')).toBe(false);
    expect(navLinks(out, 'how-to/added.html').map((link) => link.rel)).toEqual(['prev']);
    expectLinksFollowTheIndex(out);

    // Nothing changed: nothing written, the ledgers included.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await exportDocs();
    expect(again.stderr).toMatch(/ 0 files written/);
    expect(touchedFiles(afterRemoving, snapshotTree(out))).toEqual([]);
  });

  it('shards merged with merge-manifests get the links of the whole site, the bytes of a single export', async () => {
    writeFiles(docs, { 'how-to/mango.md': DOCUMENTS['how-to/mango.md'], 'reference/limits.md': qaDocument('reference', 'What are the size limits?') });
    const single = await runQadocs(['export', 'docs', '--out', 'single'], { cwd });
    expect(single.code, describeRun(single)).toBe(0);
    const shards = await Promise.all([1, 2].map((index) => runQadocs(['export', 'docs', '--shard', `${index}/2`, '--out', `shard-${index}`], { cwd })));
    for (const run of shards) expect(run.code, describeRun(run)).toBe(0);
    // Each shard links only its own pages: the merge must replace those links, not keep them.
    const shardPages = [1, 2].map((index) => htmlPages(path.join(cwd, `shard-${index}`)));
    expect(shardPages.every((pages) => pages.length > 0)).toBe(true);
    const merge = await runQadocs(['merge-manifests', 'shard-1', 'shard-2', '--out', 'merged'], { cwd });
    expect(merge.code, describeRun(merge)).toBe(0);
    expectLinksFollowTheIndex(path.join(cwd, 'merged'));
    expect(navLinks(path.join(cwd, 'merged'), 'reference/flags.html').map((link) => link.rel)).toEqual(['prev']);
    expect(contentOf(snapshotTree(path.join(cwd, 'merged')))).toEqual(contentOf(snapshotTree(path.join(cwd, 'single'))));
  });

  it('exportDocuments() writes the same pages, byte for byte, as qadocs export', async () => {
    const cli = await runQadocs(['export', 'docs', '--out', 'cli', '--no-search'], { cwd });
    expect(cli.code, describeRun(cli)).toBe(0);
    const files = [...snapshotTree(docs).keys()].sort();
    expect(files.length).toBeGreaterThanOrEqual(6);
    const parsed = files.map((file) => parseDocument(readFileSync(path.join(docs, file), 'utf8'), { path: path.join(docs, file), root: docs }));
    const summary = await exportDocuments(parsed, { outDir: path.join(cwd, 'library'), formats: ['html'], sourceDateEpoch: null });
    expect(summary.diagnostics).toEqual([]);
    const library = contentOf(snapshotTree(path.join(cwd, 'library', 'html')));
    const fromCli = contentOf(snapshotTree(path.join(cwd, 'cli', 'html')));
    // The ledgers name the same files with the same fingerprints; every page and the index are the same bytes.
    expect(Object.keys(library).sort()).toEqual(Object.keys(fromCli).sort());
    expect(library).toEqual(fromCli);
    expectLinksFollowTheIndex(path.join(cwd, 'library'));
  });
});
