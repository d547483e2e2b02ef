import type { FootnoteDefinition, Nodes, Text } from 'mdast';
import type { TreeIndex } from './index-tree.js';
import type { SourceLocation } from './source-location.js';
import type { Citation, Position } from '@qadocs/schema';
import { nodeText, positionOf } from './node-text.js';
import { linkDestination, type LinkDefinitions } from './link-destinations.js';

/** A footnote reference as written, for rules that check labels and order. */
export interface FootnoteReferenceSite {
  label: string;
  identifier: string;
  position: Position;
  /**
   * False for `[^x]` written in text with no `[^x]:` definition: micromark leaves those as plain text,
   * so they are found by scanning text nodes.
   */
  defined: boolean;
}

export interface CitationIndex {
  citations: Citation[];
  references: FootnoteReferenceSite[];
  /** Definitions whose label is defined more than once, beyond the first. */
  duplicateDefinitions: Array<{ label: string; position: Position }>;
}

/**
 * Footnote definitions become citations in document order; `index` is the order of first reference
 * (0 when never referenced), and `referencedBy` lists every reference site.
 */
export function readCitations(index: TreeIndex, source: string, location: SourceLocation): CitationIndex {
  const references: FootnoteReferenceSite[] = index.footnoteReferences.map((reference) => ({
    label: reference.label ?? reference.identifier,
    identifier: reference.identifier,
    position: positionOf(reference),
    defined: true,
  }));
  for (const text of index.textWithFootnoteCalls) references.push(...undefinedCalls(text, source, location));
  const definitions = index.footnoteDefinitions.map((entry) => entry.node);
  references.sort((a, b) => a.position.start.offset - b.position.start.offset);
  const order = new Map<string, number>();
  for (const reference of references) if (reference.defined) if (!order.has(reference.identifier)) order.set(reference.identifier, order.size + 1);

  const seen = new Set<string>();
  const citations: Citation[] = [];
  const duplicateDefinitions: CitationIndex['duplicateDefinitions'] = [];
  // Grouped once: looking each definition's references up in the whole list is quadratic in long answers.
  const definedReferences = new Map<string, Position[]>();
  for (const reference of references) {
    if (!reference.defined) continue;
    const sites = definedReferences.get(reference.identifier);
    if (sites) sites.push(reference.position);
    else definedReferences.set(reference.identifier, [reference.position]);
  }
  for (const definition of definitions) {
    const label = definition.label ?? definition.identifier;
    if (seen.has(definition.identifier)) {
      duplicateDefinitions.push({ label, position: positionOf(definition) });
      continue;
    }
    seen.add(definition.identifier);
    const link = firstLink(definition, index.linkDefinitions);
    const url = link?.url ?? bareUrl(nodeText(definition));
    citations.push({
      label,
      index: order.get(definition.identifier) ?? 0,
      title: link && link.text !== url ? link.text : titleBeforeUrl(nodeText(definition), url),
      url,
      domain: domainOf(url),
      text: nodeText(definition),
      referencedBy: definedReferences.get(definition.identifier) ?? [],
      position: positionOf(definition),
    });
  }
  return { citations, references, duplicateDefinitions };
}

/**
 * The first link of a footnote, inline or by reference (`See the [attack][corallo]`, `[corallo]: https://…`);
 * with no link, the first image (a figure's source is where it is published).
 */
function firstLink(definition: FootnoteDefinition, definitions: LinkDefinitions): { url: string; text: string } | null {
  let image: { url: string; text: string } | null = null;
  // Depth first, in document order, by hand: a visitor per definition costs more than the search.
  const stack: Nodes[] = [definition];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'link' || node.type === 'linkReference') {
      const url = linkDestination(node, definitions);
      if (url !== null) return { url, text: nodeText(node) };
    } else if (!image && (node.type === 'image' || node.type === 'imageReference')) {
      const url = linkDestination(node, definitions);
      if (url !== null) image = { url, text: node.alt ?? '' };
    }
    if ('children' in node) for (let child = node.children.length - 1; child >= 0; child--) stack.push(node.children[child]!);
  }
  return image;
}

function bareUrl(text: string): string | null {
  return /\bhttps?:\/\/[^\s<>()]+/i.exec(text)?.[0].replace(/[.,;:]+$/, '') ?? null;
}

function titleBeforeUrl(text: string, url: string | null): string | null {
  const title = (url ? text.replace(url, '') : text).replace(/[\s,.:;–—-]+$/, '').trim();
  return title === '' ? null : title;
}

/** Host name of an absolute URL, lower-cased; null for relative or unparsable URLs. */
export function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

const FOOTNOTE_CALL = /\[\^([^\]\s]+)\](?!:)/g;

function undefinedCalls(text: Text, source: string, location: SourceLocation): FootnoteReferenceSite[] {
  const sites: FootnoteReferenceSite[] = [];
  const start = text.position!.start.offset!;
  const written = source.slice(start, text.position!.end.offset!);
  FOOTNOTE_CALL.lastIndex = 0;
  // Search the source as written: the text value differs from it where escapes or entities were decoded.
  for (let match = FOOTNOTE_CALL.exec(written); match; match = FOOTNOTE_CALL.exec(written)) {
    if (written[match.index - 1] === '\\') continue;
    const label = match[1]!;
    sites.push({ label, identifier: label.toLowerCase(), position: location.position(start + match.index, start + match.index + match[0].length), defined: false });
  }
  return sites;
}
