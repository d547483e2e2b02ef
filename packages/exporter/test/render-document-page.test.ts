import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { selectAll } from './support/select-elements.js';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '@qadocs/parser';
import { linkTargetsFrom, renderDocumentPage } from '../src/index.js';
import { CONTENT_ROOT, parseContentDocuments, parseSeed } from './support/fixture-documents.js';

const documents = await parseContentDocuments();
const byId = (id: string) => documents.find((document) => document.record.id === id)!;
const linkTargets = linkTargetsFrom(documents.map((document) => document.record));
const render = (parsed: ParsedDocument) => fromHtml(renderDocumentPage(parsed, { linkTargets }));
const text = (tree: Root, tag: string) => selectAll(tree, (element) => element.tagName === tag).map((element) => toString(element));
const hrefs = (tree: Root) => selectAll(tree, (element) => element.tagName === 'a').map((element) => String(element.properties.href));

function parseMarkdown(markdown: string, file = 'how-to/example.md'): ParsedDocument {
  return parseDocument(markdown, { path: `${CONTENT_ROOT}/${file}`, root: CONTENT_ROOT });
}

describe('renderDocumentPage', () => {
  it("renders the reference document: the author's title as title and h1 with the question under it, answer headings from h2, landmarks, stylesheet", () => {
    const parsed = parseSeed();
    const tree = render(parsed);
    const question = "What's the difference between azure compute gallery and azure container registry?";
    expect(parsed.record.title).toBe('Questions');
    expect(text(tree, 'title')).toEqual(['Questions']);
    expect(text(tree, 'h1')).toEqual(['Questions']);
    expect(selectAll(tree, (element) => element.tagName === 'p' && String(element.properties.className) === 'question').map((element) => toString(element))).toEqual([`Question: ${question}`]);
    expect(text(tree, 'h2')).toEqual(['Azure Compute Gallery', 'Azure Container Registry', 'Footnotes', 'Source', 'Further reading']);
    expect(selectAll(tree, (element) => element.tagName === 'html')[0]!.properties.lang).toBe('en');
    for (const landmark of ['header', 'nav', 'main', 'footer']) expect(selectAll(tree, (element) => element.tagName === landmark).length).toBeGreaterThan(0);
    const stylesheet = selectAll(tree, (element) => element.tagName === 'link')[0]!;
    expect(stylesheet.properties.href).toBe('../assets/style.css');
    expect(hrefs(tree)).toContain('../index.html');
    expect(selectAll(tree, (element) => element.tagName === 'script')).toEqual([]);
  });

  it('prefixes footnote ids exactly once and makes every #fragment resolve, with labelled back-links', () => {
    for (const parsed of documents) {
      const html = renderDocumentPage(parsed, { linkTargets });
      expect(html).not.toContain('user-content-user-content');
      const tree = fromHtml(html);
      const ids = selectAll(tree, (element) => typeof element.properties.id === 'string').map((element) => String(element.properties.id));
      expect(new Set(ids).size, `duplicate ids in ${parsed.record.id}`).toBe(ids.length);
      for (const href of hrefs(tree).filter((value) => value.startsWith('#'))) expect(ids, `${href} in ${parsed.record.id}`).toContain(decodeURIComponent(href.slice(1)));
      const references = selectAll(tree, (element) => element.properties.dataFootnoteRef !== undefined);
      const backReferences = selectAll(tree, (element) => element.properties.dataFootnoteBackref !== undefined);
      expect(references.length).toBe(backReferences.length);
      for (const reference of references) expect(String(reference.properties.id)).toMatch(/^user-content-fnref-/);
      for (const backReference of backReferences) expect(String(backReference.properties.ariaLabel)).toMatch(/^Back to reference \d+/);
    }
    const seedIds = selectAll(render(parseSeed()), (element) => element.tagName === 'li' && typeof element.properties.id === 'string').map((element) => element.properties.id);
    expect(seedIds).toEqual(['user-content-fn-1', 'user-content-fn-2', 'user-content-fn-3']);
  });

  it('rewrites links to other Markdown documents to their pages, relative to this page, keeping the fragment', () => {
    const links = hrefs(render(byId('how-to/install-the-cli')));
    expect(links).toContain('../explanation/why-cite-sources.html#what-counts-as-a-source');
    // The FAQ declares `id: faq/export`, so its page is not where its path suggests.
    expect(links).toContain('../faq/export.html');
    const withoutTargets = hrefs(fromHtml(renderDocumentPage(byId('how-to/install-the-cli'))));
    expect(withoutTargets).toContain('../reference/export-faq.html');
    expect(hrefs(render(byId('faq/export')))).toContain('../how-to/install-the-cli.html');
    const anchors = selectAll(render(byId('explanation/why-cite-sources')), (element) => element.properties.id === 'what-counts-as-a-source');
    expect(anchors.map((element) => element.tagName)).toEqual(['h2']);
  });

  it('leaves links that are not to exported Markdown documents as written', () => {
    const parsed = parseMarkdown('How do I link out?\n\nSee [a](../../outside.md), [b](https://example.com/x.md), [c](notes.txt), [d](?q=1.md) and [e](missing.md).\n');
    const links = hrefs(fromHtml(renderDocumentPage(parsed, { linkTargets: () => null })));
    expect(links).toEqual(expect.arrayContaining(['../../outside.md', 'https://example.com/x.md', 'notes.txt', '?q=1.md', 'missing.md']));
  });

  it('renders each question of an FAQ page as a section heading, footnotes numbered across the page', () => {
    const tree = render(byId('faq/export'));
    expect(text(tree, 'h1')).toEqual(['Export questions']);
    expect(text(tree, 'title')).toEqual(['Export questions']);
    const sections = selectAll(tree, (element) => element.tagName === 'section' && (element.properties.className as string[] | undefined)?.includes('entry') === true);
    expect(sections.map((section) => toString(section.children.find((child): child is Element => child.type === 'element')!))).toEqual([
      'Where does qadocs export write its files?',
      'Can I export only JSON?',
      'Is the output the same on every run?',
    ]);
    expect(selectAll(tree, (element) => element.tagName === 'li' && String(element.properties.id).startsWith('user-content-fn-')).length).toBe(2);
  });

  it('takes a front-matter question and language', () => {
    const tree = render(byId('tutorial/first-export'));
    expect(text(tree, 'h1')).toEqual(['Your first export']);
    expect(selectAll(tree, (element) => element.tagName === 'p' && String(element.properties.className) === 'question').map((element) => toString(element))).toEqual(['Question: How do I publish my first Q&A site with qadocs?']);
    expect(selectAll(tree, (element) => element.tagName === 'html')[0]!.properties.lang).toBe('en-GB');
    expect(selectAll(tree, (element) => element.tagName === 'input').map((element) => [element.properties.type, element.properties.disabled])).toEqual([
      ['checkbox', true],
      ['checkbox', true],
    ]);
  });

  it('escapes front-matter text in the title, headings and attributes', () => {
    const title = '</title><script>alert(1)</script>';
    const description = '"><img src=x onerror=alert(1)>';
    const parsed = parseMarkdown(`---\ntitle: "${title}"\ndescription: '${description}'\n---\n\n## First question?\n\nYes.\n\n## Second question?\n\nNo.\n`);
    const html = renderDocumentPage(parsed);
    expect(html).not.toMatch(/<script/i);
    const tree = fromHtml(html);
    expect(selectAll(tree, (element) => element.tagName === 'script' || element.tagName === 'img')).toEqual([]);
    expect(text(tree, 'title')).toEqual([title]);
    expect(text(tree, 'h1')).toEqual([title]);
    const meta = selectAll(tree, (element) => element.tagName === 'meta' && element.properties.name === 'description')[0]!;
    expect(meta.properties.content).toBe(description);
  });

  it('is deterministic and leaves the parsed tree untouched', () => {
    const parsed = byId('how-to/install-the-cli');
    const before = JSON.stringify(parsed.tree);
    expect(renderDocumentPage(parsed, { linkTargets })).toBe(renderDocumentPage(parsed, { linkTargets }));
    expect(JSON.stringify(parsed.tree)).toBe(before);
  });

  it('renders a document without a question from its body, titled by its title', () => {
    const parsed = parseMarkdown('---\ntitle: Release notes\n---\n\n# Version 2\n\nExport got faster.\n');
    const tree = fromHtml(renderDocumentPage(parsed));
    expect(text(tree, 'h1')).toEqual(['Release notes']);
    expect(text(tree, 'h2')).toContain('Version 2');
    expect(toString(tree)).toContain('Export got faster.');
  });

  it('splits a labelled question from its answer', () => {
    const parsed = parseMarkdown('**Question:** How do I reset the cache?\n**Answer:** Delete the `.qadocs-cache` folder.\n');
    const tree = fromHtml(renderDocumentPage(parsed));
    expect(text(tree, 'h1')).toEqual(['How do I reset the cache?']);
    expect(text(tree, 'p')).toContain('Delete the .qadocs-cache folder.');
  });
});
