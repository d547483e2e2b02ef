import { randomUUID } from 'node:crypto';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Heading, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { DocumentRegions } from './document-regions.js';
import { markElement } from './element-marks.js';
import { GENERATED_MARK, pageSanitizeSchema } from './sanitize-schema.js';
import { walkElements } from './walk-elements.js';

/** The sanitized hast of each part of a page. */
export interface RegionsHast {
  preamble: ElementContent[];
  entries: Array<{ question: ElementContent[] | null; answer: ElementContent[] }>;
  trailing: ElementContent[];
  furtherReading: ElementContent[] | null;
  /** GFM's footnote section (`section[data-footnotes]`), or null when nothing is cited. */
  footnotes: Element | null;
}

const REGION_TAG = 'qadocs-region';

// Footnote ids come out unprefixed: the sanitizer adds `user-content-` once (see sanitize-schema.ts).
const toHast = unified()
  .use(remarkRehype, {
    allowDangerousHtml: true,
    clobberPrefix: '',
    footnoteLabel: 'Footnotes',
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: {},
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      `Back to reference ${referenceIndex + 1}${rereferenceIndex > 1 ? `, occurrence ${rereferenceIndex}` : ''}`,
  })
  .freeze();
const sanitizeRaw = unified().use(rehypeRaw).use(rehypeSanitize, pageSanitizeSchema).freeze();
const sanitizeOnly = unified().use(rehypeSanitize, pageSanitizeSchema).freeze();

/**
 * Convert every region in ONE mdast -> hast pass, so footnotes are numbered across the whole page and
 * collected into one section, then sanitize each region on its own: raw HTML in one region (an
 * unclosed `<div>`, a stray `</section>`) is parsed within that region and cannot swallow the next.
 */
export function regionsToHast(regions: DocumentRegions, answerHeadingDepth: number): RegionsHast {
  const wrap = (key: string, children: Array<RootContent | PhrasingContent>): RootContent =>
    ({ type: 'qadocsRegion', children, data: { hName: REGION_TAG, hProperties: { dataRegion: key } } }) as unknown as RootContent;
  const children: RootContent[] = [wrap('preamble', shiftHeadings(regions.preamble, 2))];
  regions.entries.forEach((entry, index) => {
    if (entry.questionContent) children.push(wrap(`question-${index}`, entry.questionContent));
    children.push(wrap(`answer-${index}`, shiftHeadings(entry.answer, answerHeadingDepth)));
  });
  children.push(wrap('trailing', shiftHeadings(regions.trailing, 2)));
  if (regions.furtherReading) children.push(wrap('further-reading', shiftHeadings(regions.furtherReading, 3)));
  children.push(...regions.definitions);

  const converted = toHast.runSync({ type: 'root', children } satisfies MdastRoot) as HastRoot;
  // Raw HTML is still unparsed here, so every footnote element in the tree is generated: mark them
  // with a secret that look-alikes written in raw HTML (`<a data-footnote-ref id="fnref-1">`) cannot carry.
  const secret = randomUUID();
  markFootnoteElements(converted, secret);
  const sanitize = (nodes: ElementContent[]) => sanitizeRegion(nodes, secret);
  const byKey = new Map<string, ElementContent[]>();
  let footnotes: Element | null = null;
  for (const node of converted.children) {
    if (node.type !== 'element') continue;
    if (node.tagName === REGION_TAG) byKey.set(String(node.properties.dataRegion), sanitize(node.children));
    else if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
      const [section] = sanitize([node]);
      footnotes = section?.type === 'element' ? section : null;
    }
  }
  const region = (key: string) => byKey.get(key) ?? [];
  return {
    preamble: region('preamble'),
    entries: regions.entries.map((entry, index) => ({ question: entry.questionContent ? region(`question-${index}`) : null, answer: region(`answer-${index}`) })),
    trailing: region('trailing'),
    furtherReading: regions.furtherReading ? region('further-reading') : null,
    footnotes,
  };
}

function sanitizeRegion(children: ElementContent[], secret: string): ElementContent[] {
  const root: HastRoot = { type: 'root', children };
  const processor = hasRaw(root) ? sanitizeRaw : sanitizeOnly;
  const clean = processor.runSync(root) as HastRoot;
  walkElements(clean, (element) => {
    if (element.properties[GENERATED_MARK] === secret) markElement(element, 'generatedFootnote');
    else for (const key of FOOTNOTE_PROPERTIES) delete element.properties[key];
    delete element.properties[GENERATED_MARK];
  });
  return clean.children as ElementContent[];
}

const FOOTNOTE_PROPERTIES = ['dataFootnoteRef', 'dataFootnoteBackref', 'dataFootnotes'] as const;

function markFootnoteElements(tree: HastRoot, secret: string): void {
  walkElements(tree, (element, parent) => {
    const inSection = parent.type === 'element' && parent.tagName === 'section' && parent.properties.dataFootnotes !== undefined;
    const inList = parent.type === 'element' && parent.tagName === 'ol' && parent.properties[GENERATED_MARK] === secret;
    if (FOOTNOTE_PROPERTIES.some((key) => element.properties[key] !== undefined) || inSection || inList) element.properties[GENERATED_MARK] = secret;
  });
}

function hasRaw(node: HastRoot | ElementContent): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child as ElementContent));
}

/**
 * Headings of a region renumbered to start at `base` and to go down one level at a time (an answer's
 * `###` under the page's `<h1>` becomes `<h2>`), so the outline has no gaps for screen readers.
 */
function shiftHeadings(nodes: RootContent[], base: number): RootContent[] {
  const depths = [...new Set(nodes.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth))].sort((a, b) => a - b);
  if (depths.length === 0) return nodes;
  return nodes.map((node) => {
    if (node.type !== 'heading') return node;
    const depth = Math.min(6, base + depths.indexOf(node.depth)) as Heading['depth'];
    return depth === node.depth ? node : ({ ...node, depth } satisfies Heading);
  });
}

