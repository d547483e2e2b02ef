import type { Definition, Link, Nodes, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { nodeText, type ParsedDocument } from '@qadocs/parser';
import { normalizeLabel } from '../../lint-document.js';
import { normalizeUrl } from '../../links/normalize-url.js';
import type { SourceList } from './source-lists.js';
import { removeTrackingParameters } from './tracking-parameters.js';

/** One source the imported document cites: what its footnote definition says. */
export interface PlannedSource {
  /** The URL without tracking parameters, or null when the paste gives none. */
  url: string | null;
  /** The best title the paste gives (a link text or list entry that is more than a host name). */
  title: string | null;
  /** For a source without URL: what the definition says instead (the pasted text, or the marker that named no source). */
  note: string | null;
}

/** A citation marker of the paste, and the source it points at. */
export interface PlannedMarker {
  /** `[start, end)` in the pasted text, the space that glued a marker to its claim included. */
  range: [number, number];
  key: string;
}

/** What the citations of a paste become: markers to replace, text to take out, and the sources in first-reference order. */
export interface CitationPlan {
  markers: PlannedMarker[];
  /** Ranges of the paste that only carried citations (definitions, sources lists, glued superscripts). */
  removals: Array<[number, number]>;
  /** Every source once, by key: referenced ones first in order of first reference, then the rest in pasted order. */
  sources: Array<{ key: string; source: PlannedSource }>;
}

/** A link's text that is only a site's name (`learn.microsoft.com`), as ChatGPT writes its inline sources. */
const HOST_TEXT = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
/** `[3]`, as Perplexity writes its markers. */
const NUMBER_MARKER = /\[(\d{1,3})\]/g;

/**
 * Plan the citations of a parsed paste: every marker (footnote reference, pseudo-citation, ChatGPT's
 * `([site](url))`, Perplexity's `[n]`) resolved to one source by URL (tracking parameters removed, so
 * the same page is one source), or to a source without URL that names the marker when the paste does
 * not give one, so nothing is dropped and nothing invented.
 */
export function planCitations(parsed: ParsedDocument, lists: readonly SourceList[]): CitationPlan {
  const { source } = parsed;
  const sources = new Map<string, PlannedSource>();
  const pastedOrder: string[] = [];
  const removals: Array<[number, number]> = lists.map((list) => list.range);

  const addSource = (key: string, entry: PlannedSource, listed: boolean) => {
    const known = sources.get(key);
    if (!known) sources.set(key, { ...entry });
    else if (betterTitle(entry.title, known.title, known.url)) known.title = entry.title;
    if (listed && !pastedOrder.includes(key)) pastedOrder.push(key);
  };
  const urlKey = (url: string) => `url:${normalizeUrl(removeTrackingParameters(url))}`;
  const addUrl = (url: string, title: string | null, listed = false) => {
    const key = urlKey(url);
    addSource(key, { url: removeTrackingParameters(url), title, note: null }, listed);
    return key;
  };
  const addMissing = (marker: string) => {
    const key = `marker:${marker}`;
    addSource(key, { url: null, title: null, note: `Source not given in the paste for the marker ${inlineCode(marker)}` }, false);
    return key;
  };

  // Footnote definitions: `[^1]: [Title](https://…)`, or a definition that names no URL.
  const keyByLabel = new Map<string, string>();
  for (const citation of parsed.record.citations) {
    const label = normalizeLabel(citation.label);
    if (citation.url) keyByLabel.set(label, addUrl(citation.url, citation.title, true));
    else {
      const key = `label:${label}`;
      addSource(key, { url: null, title: null, note: citation.text.trim() === '' ? `Source not given in the paste for the marker ${inlineCode(`[^${citation.label}]`)}` : citation.text.trim() }, true);
      keyByLabel.set(label, key);
    }
  }
  for (const { node } of parsed.index.footnoteDefinitions) removals.push(offsets(node));

  // Sources lists: numbered entries are what `[n]` markers point at.
  const keyByNumber = new Map<number, string>();
  for (const list of lists) {
    for (const entry of list.entries) {
      const key = entry.url ? addUrl(entry.url, entry.title, true) : `listed:${entry.number ?? entry.title}`;
      if (!entry.url) addSource(key, { url: null, title: null, note: entry.title ?? 'A source the paste listed without a URL' }, true);
      if (entry.number !== null && !keyByNumber.has(entry.number)) keyByNumber.set(entry.number, key);
    }
  }

  const found: PlannedMarker[] = [];
  const inside = (offset: number) => removals.some(([start, end]) => offset >= start && offset < end);
  const usedDefinitions = new Set<Definition>();

  // Pseudo-citations the parser recognises: `¹(https://…)`, `³[^3]`, `【4†source】`, `citeturn0search1`, `[1](https://…)`.
  for (const pseudo of parsed.pseudoCitations) {
    if (inside(pseudo.range[0])) continue;
    switch (pseudo.kind) {
      case 'superscript-link':
      case 'numbered-link':
        found.push({ range: hugging(source, pseudo.range), key: addUrl(pseudo.url!, null) });
        break;
      case 'superscript-glued':
        removals.push(pseudo.range);
        break;
      case 'bracket-source':
      case 'citeturn':
        found.push({ range: hugging(source, pseudo.range), key: addMissing(visible(pseudo.raw)) });
        break;
      case 'compound-label':
        // A `[^1_1]` reference is a footnote reference too, read below.
        break;
    }
  }
  const pseudoRanges = parsed.pseudoCitations.map((pseudo) => pseudo.range);
  const inPseudo = (offset: number) => pseudoRanges.some(([start, end]) => offset >= start && offset < end);

  for (const reference of parsed.references) {
    const start = reference.position.start.offset;
    if (inside(start)) continue;
    const key = keyByLabel.get(normalizeLabel(reference.label)) ?? addMissing(`[^${reference.label}]`);
    found.push({ range: [start, reference.position.end.offset], key });
  }

  const hasNumberedList = keyByNumber.size > 0;
  visit(parsed.tree, (node: Nodes, _index, parent) => {
    if (!node.position || inside(node.position.start.offset!) || inPseudo(node.position.start.offset!)) return;
    if (node.type === 'footnoteDefinition' || node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return 'skip';
    if (node.type === 'link') {
      const paren = parenthesized(source, offsets(node));
      const text = nodeText(node).trim();
      if (paren && isSourceLink(node, text)) {
        found.push({ range: paren, key: addUrl(node.url, text) });
        return 'skip';
      }
    } else if (node.type === 'linkReference') {
      const definition = parsed.index.linkDefinitions.get(node.identifier);
      const paren = parenthesized(source, offsets(node));
      const numeric = /^\d{1,3}$/.test(node.identifier);
      if (definition && (paren || numeric)) {
        usedDefinitions.add(definition);
        const text = nodeText(node).trim();
        const title = definition.title ?? (numeric ? null : text);
        found.push({ range: paren ?? hugging(source, offsets(node)), key: addUrl(definition.url, title) });
        return 'skip';
      }
    } else if (node.type === 'text' && parent?.type !== 'link' && parent?.type !== 'linkReference') {
      found.push(...numberMarkers(node, source, hasNumberedList, keyByNumber, addMissing));
    }
    return undefined;
  });

  // Reference definitions that carried a source (`[1]: https://…?utm_source=chatgpt.com "Title"`) are moved
  // into the footnotes; so are numbered ones nothing points at, which only a sources list writes.
  for (const definition of parsed.index.linkDefinitions.values()) {
    if (!usedDefinitions.has(definition) && !/^\d{1,3}$/.test(definition.identifier)) continue;
    if (!usedDefinitions.has(definition)) addUrl(definition.url, definition.title ?? null, true);
    removals.push(offsets(definition));
  }

  const markers = dropOverlaps(found);
  const order: string[] = [];
  for (const marker of markers) if (!order.includes(marker.key)) order.push(marker.key);
  for (const key of pastedOrder) if (!order.includes(key)) order.push(key);
  for (const key of sources.keys()) if (!order.includes(key)) order.push(key);
  return { markers, removals, sources: order.map((key) => ({ key, source: sources.get(key)! })) };
}

/** The title a footnote shows: the source's title, else its host. */
export function footnoteTitle(source: PlannedSource): string {
  if (source.title && !HOST_TEXT.test(source.title)) return source.title;
  return (source.url && hostOf(source.url)) ?? source.title ?? source.url ?? '';
}

/** The host of a URL without `www.`, or null when it does not parse. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Perplexity's `[2]` after a claim: a marker when the paste lists numbered sources (then it points at
 * entry 2, or names a missing one), or when it is glued to the claim as markers are (`claim.[2]`).
 */
function numberMarkers(node: Text, source: string, hasNumberedList: boolean, keyByNumber: Map<number, string>, addMissing: (marker: string) => string): PlannedMarker[] {
  const [start, end] = offsets(node);
  const text = source.slice(start, end);
  const markers: PlannedMarker[] = [];
  for (const match of text.matchAll(NUMBER_MARKER)) {
    const offset = start + match.index;
    const glued = match.index > 0 && /[\p{L}\p{N}.,;:!?)\]*_”"']/u.test(text[match.index - 1]!);
    if (!hasNumberedList && !glued) continue;
    if (text[match.index + match[0].length] === '(') continue;
    const number = Number(match[1]);
    markers.push({ range: hugging(source, [offset, offset + match[0].length]), key: keyByNumber.get(number) ?? addMissing(`[${number}]`) });
  }
  return markers;
}

/** A link that only names where a claim comes from: its text is a host name, or ChatGPT tagged it. */
function isSourceLink(link: Link, text: string): boolean {
  if (/^https?:\/\//.test(text)) return false;
  return HOST_TEXT.test(text) || /[?&]utm_source=chatgpt\.com\b/.test(link.url);
}

/** `([site](url))` with the space before it: the range to replace, or null when the link is not alone in parentheses. */
function parenthesized(source: string, [start, end]: [number, number]): [number, number] | null {
  if (source[start - 1] !== '(' || source[end] !== ')') return null;
  return hugging(source, [start - 1, end + 1]);
}

/** The range widened over the spaces that separate a marker from its claim: `registry [2]` becomes `registry[^2]`. */
function hugging(source: string, [start, end]: [number, number]): [number, number] {
  let from = start;
  while (from > 0 && (source[from - 1] === ' ' || source[from - 1] === '\t') && from - 1 > 0 && !/[\n\r]/.test(source[from - 2]!)) from--;
  return [from, end];
}

function betterTitle(candidate: string | null, current: string | null, url: string | null): boolean {
  if (!candidate) return false;
  if (!current) return true;
  const weak = (title: string) => HOST_TEXT.test(title) || title === url;
  return weak(current) && !weak(candidate);
}

/** Keep the first of markers that overlap (the parser's pseudo-citations come first, then the tree's). */
function dropOverlaps(markers: PlannedMarker[]): PlannedMarker[] {
  const sorted = [...markers].sort((a, b) => a.range[0] - b.range[0]);
  const kept: PlannedMarker[] = [];
  for (const marker of sorted) {
    const last = kept.at(-1);
    if (last && marker.range[0] < last.range[1]) continue;
    kept.push(marker);
  }
  return kept;
}

/** Assistant markers wrap `cite…` in private-use characters that show as nothing. */
function visible(raw: string): string {
  return raw.replace(/[\uE000-\uF8FF]/g, '');
}

/** A marker quoted as code: it stays visible, and the linter does not read it as a citation again. */
function inlineCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function offsets(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  return [node.position!.start.offset!, node.position!.end.offset!];
}
