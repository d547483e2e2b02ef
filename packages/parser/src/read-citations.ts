import type { FootnoteDefinition, FootnoteReference, Root } from 'mdast';
import type { Citation, Position } from '@qadocs/schema';
import { visit } from 'unist-util-visit';
import { nodeText, positionOf } from './node-text.js';

/** A footnote reference as written, for rules that check labels and order. */
export interface FootnoteReferenceSite {
  label: string;
  identifier: string;
  position: Position;
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
export function readCitations(tree: Root): CitationIndex {
  const references: FootnoteReferenceSite[] = [];
  const definitions: FootnoteDefinition[] = [];
  visit(tree, (node) => {
    if (node.type === 'footnoteReference') {
      const reference = node as FootnoteReference;
      references.push({ label: reference.label ?? reference.identifier, identifier: reference.identifier, position: positionOf(reference) });
    } else if (node.type === 'footnoteDefinition') {
      definitions.push(node as FootnoteDefinition);
    }
  });
  const order = new Map<string, number>();
  for (const reference of references) if (!order.has(reference.identifier)) order.set(reference.identifier, order.size + 1);

  const seen = new Set<string>();
  const citations: Citation[] = [];
  const duplicateDefinitions: CitationIndex['duplicateDefinitions'] = [];
  for (const definition of definitions) {
    const label = definition.label ?? definition.identifier;
    if (seen.has(definition.identifier)) {
      duplicateDefinitions.push({ label, position: positionOf(definition) });
      continue;
    }
    seen.add(definition.identifier);
    const link = firstLink(definition);
    const url = link?.url ?? bareUrl(nodeText(definition));
    citations.push({
      label,
      index: order.get(definition.identifier) ?? 0,
      title: link && link.text !== url ? link.text : titleBeforeUrl(nodeText(definition), url),
      url,
      domain: domainOf(url),
      text: nodeText(definition),
      referencedBy: references.filter((reference) => reference.identifier === definition.identifier).map((reference) => reference.position),
      position: positionOf(definition),
    });
  }
  return { citations, references, duplicateDefinitions };
}

function firstLink(definition: FootnoteDefinition): { url: string; text: string } | null {
  let found: { url: string; text: string } | null = null;
  visit(definition, 'link', (link) => {
    if (found) return;
    found = { url: link.url, text: nodeText(link) };
  });
  return found;
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
