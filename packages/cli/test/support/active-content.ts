import { parse } from 'parse5';

/** The parts of parse5's default tree this check reads. */
interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'srcset', 'cite']);

/**
 * Search an HTML page, parsed as a browser parses it (parse5, the WHATWG algorithm), for active
 * content: script-capable elements, `on…` event-handler attributes, and `javascript:`, `vbscript:` or
 * `data:` URLs (entities decoded, whitespace and control characters dropped as browsers do). The
 * exporter's tests run the real browser; this check needs none.
 */
export function activeContentIn(html: string): string[] {
  const problems: string[] = [];
  const visit = (node: HtmlNode) => {
    if (node.tagName) {
      const tag = node.tagName.toLowerCase();
      if (ACTIVE_ELEMENTS.has(tag)) problems.push(`a <${tag}> element`);
      for (const { name, value } of node.attrs ?? []) {
        const attribute = name.toLowerCase();
        if (attribute.startsWith('on')) problems.push(`an event handler ${attribute}="${value}" on <${tag}>`);
        if (tag === 'meta' && attribute === 'http-equiv' && value.toLowerCase() === 'refresh') problems.push('a <meta http-equiv="refresh">');
        const scheme = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (URL_ATTRIBUTES.has(attribute) && /^(javascript|vbscript|data):/.test(scheme)) problems.push(`a ${scheme.split(':')[0]}: URL in ${attribute} of <${tag}>`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as HtmlNode);
  return problems;
}
