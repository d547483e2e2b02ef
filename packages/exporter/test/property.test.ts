import fc from 'fast-check';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '@qadocs/parser';
import { renderDocumentPage } from '../src/index.js';
import { markdownish } from '../../../test-support/markdownish.mjs';

interface Parse5Node {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'frame', 'frameset', 'style', 'svg', 'math']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background']);

/** Every element and attribute of the page as a browser's HTML parser builds it (not a string search). */
function activeContent(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Parse5Node, inHead: boolean) => {
    const name = node.nodeName;
    // The page's own CSP meta and stylesheet link live in <head>; the Markdown never reaches it.
    if (ACTIVE_ELEMENTS.has(name) && !(inHead && name === 'meta')) found.push(`<${name}>`);
    for (const attribute of node.attrs ?? []) {
      if (/^on/i.test(attribute.name)) found.push(`${name}[${attribute.name}]`);
      if (URL_ATTRIBUTES.has(attribute.name) && /^\s*(?:javascript|vbscript|data):/i.test(attribute.value.replace(/[\u0000-\u001f]/g, ''))) found.push(`${name}[${attribute.name}=${attribute.value}]`);
    }
    for (const child of node.childNodes ?? []) walk(child, inHead || name === 'head');
    if (node.content) walk(node.content, inHead);
  };
  walk(parse(html) as unknown as Parse5Node, false);
  return found;
}

describe('export never emits active HTML, whatever the Markdown', () => {
  it('renders pages with no script, event handler, frame, form or script URL', () => {
    fc.assert(
      fc.property(markdownish(fc), (text) => {
        const parsed = parseDocument(text, { path: 'how-to/property.md', root: '.' });
        if (parsed.fatal) return;
        expect(activeContent(renderDocumentPage(parsed))).toEqual([]);
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
