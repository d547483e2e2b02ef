import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '@qadocs/parser';
import { indexDocumentOf, PREVIEW_CONTENT_SECURITY_POLICY, renderDocumentPage, renderIndexPage, renderProblemsPage, type PagePreview, type PreviewProblem } from '../src/index.js';
import { CONTENT_ROOT } from './support/fixture-documents.js';
import { selectAll } from './support/select-elements.js';

const ASSETS = { scripts: ['/__qadocs/preview.js'], stylesheets: ['/__qadocs/preview.css'] };

const MARKDOWN = [
  '---',
  'category: how-to',
  '---',
  '# How do I rotate a key?',
  '',
  'Open the vault and choose **Rotate** on the key page.',
  '',
  '- Wait for the new version',
  '- Update the clients',
  '',
].join('\n');

function parse(markdown = MARKDOWN): ParsedDocument {
  return parseDocument(markdown, { path: `${CONTENT_ROOT}/how-to/rotate.md`, root: CONTENT_ROOT });
}

function problem(line: number, column: number, message: string, severity: 1 | 2 = 2, ruleId = 'test/rule'): PreviewProblem {
  return { line, column, message, severity, ruleId };
}

const byClass = (tree: Root, name: string) => selectAll(tree, (element) => Array.isArray(element.properties.className) && element.properties.className.includes(name));
const contentSecurityPolicy = (tree: Root) => String(selectAll(tree, (element) => element.tagName === 'meta' && element.properties.httpEquiv !== undefined)[0]!.properties.content);

describe('preview pages', () => {
  it('list every problem with line:col, severity, rule and message, each linked to the element marked at its position', () => {
    const problems = [problem(6, 29, 'Bold text here'), problem(9, 3, 'A list item', 1, 'list/thing'), problem(2, 1, 'In the front matter')];
    const tree = fromHtml(renderDocumentPage(parse(), { preview: { ...ASSETS, problems } }));
    const items = selectAll(tree, (element) => element.tagName === 'li' && String(element.properties.id).startsWith('problem-'));
    expect(items.map((item) => toString(item))).toEqual([
      '6:29 error Bold text here test/rule',
      '9:3 warning A list item list/thing',
      '2:1 error In the front matter test/rule (not shown on the page)',
    ]);
    const marked = byClass(tree, 'qadocs-problem');
    // The innermost element holding the position: the <strong> for 6:29, the second <li> for 9:3.
    expect(marked.map((element) => [element.tagName, toString(element), element.properties.dataProblems])).toEqual([
      ['strong', 'Rotate', '1'],
      ['li', 'Update the clients', '2'],
    ]);
    const links = items.map((item) => selectAll({ type: 'root', children: [item] }, (element) => element.tagName === 'a')[0]?.properties.href);
    expect(links).toEqual([`#${marked[0]!.properties.id}`, `#${marked[1]!.properties.id}`, undefined]);
    expect(toString(selectAll(tree, (element) => element.tagName === 'h2' && element.properties.id === 'qadocs-preview-problems')[0]!)).toBe('2 errors, 1 warning in how-to/rotate.md');
  });

  it('load only the preview script, under the preview policy; the exported page of the same document has neither script nor marks', () => {
    const preview: PagePreview = { ...ASSETS, problems: [problem(6, 1, 'x')] };
    const previewTree = fromHtml(renderDocumentPage(parse(), { preview }));
    expect(selectAll(previewTree, (element) => element.tagName === 'script').map((element) => element.properties.src)).toEqual(['/__qadocs/preview.js']);
    expect(contentSecurityPolicy(previewTree)).toBe(PREVIEW_CONTENT_SECURITY_POLICY);
    expect(PREVIEW_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(PREVIEW_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(selectAll(previewTree, (element) => element.tagName === 'link').map((element) => element.properties.href)).toEqual(['../assets/style.css', '/__qadocs/preview.css']);

    const exported = renderDocumentPage(parse());
    const exportedTree = fromHtml(exported);
    expect(selectAll(exportedTree, (element) => element.tagName === 'script')).toEqual([]);
    expect(contentSecurityPolicy(exportedTree)).not.toContain('script-src');
    expect(exported).not.toMatch(/qadocs-problem|data-problems|preview-problems|__qadocs/);
  });

  it('escape messages and rule ids: markup in a message is text on the page', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const html = renderDocumentPage(parse(), { preview: { ...ASSETS, problems: [problem(6, 1, hostile, 2, '<b>rule</b>')] } });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
    const tree = fromHtml(html);
    expect(selectAll(tree, (element) => element.tagName === 'img')).toEqual([]);
    expect(toString(byClass(tree, 'problem-message')[0]!)).toBe(hostile);
  });

  it('count the problems of each document on the index, and in total', () => {
    const record = parse().record;
    const other = { ...indexDocumentOf(record), id: 'how-to/other', label: 'Other', path: 'how-to/other.md', problems: { errors: 0, warnings: 0 } };
    const tree = fromHtml(renderIndexPage([{ ...indexDocumentOf(record), problems: { errors: 2, warnings: 1 } }, other], { preview: ASSETS }));
    expect(byClass(tree, 'problem-count').map((element) => toString(element))).toEqual(['2 errors, 1 warning in 1 document', '2 errors, 1 warning', 'No problems']);
    expect(selectAll(tree, (element) => element.tagName === 'script').map((element) => element.properties.src)).toEqual(['/__qadocs/preview.js']);
    const exported = renderIndexPage([indexDocumentOf(record)]);
    expect(exported).not.toMatch(/problem-count|<script/);
  });

  it('give a document that could not be read a page of its problems alone', () => {
    const tree = fromHtml(renderProblemsPage({ id: 'how-to/broken', path: 'how-to/broken.md' }, { ...ASSETS, problems: [problem(1, 1, 'Unexpected invalid UTF-8')] }));
    expect(toString(selectAll(tree, (element: Element) => element.tagName === 'li' && element.properties.id === 'problem-1')[0]!)).toBe('1:1 error Unexpected invalid UTF-8 test/rule (not shown on the page)');
    expect(selectAll(tree, (element) => element.tagName === 'link')[0]!.properties.href).toBe('../assets/style.css');
  });
});
