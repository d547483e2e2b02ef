import type { Heading, RootContent } from 'mdast';
import { footnoteLabels, nodeText, type ParsedDocument } from '@qadocs/parser';
import { SCHEMA_VERSION, type Chunk, type ChunkCitation } from '@qadocs/schema';
import type { DocumentRegions } from './document-regions.js';

/** Where a page put each question and each section heading: their ids on the page. */
export interface PageAnchors {
  /** Per entry: the id of the element that heads it (the page's `<h1>` on a one-question page). */
  entries: string[];
  /** Heading ids by the heading's start offset in the source. */
  headings: Map<number, string>;
}

/**
 * The chunks of one document: per entry, one for each answer section (a heading and what follows it)
 * and one for the part before the first heading when there is any. Each carries the anchor of the
 * place on the page where it starts and the sources it cites. Built from the parser's tree, so the text
 * is exactly what the page shows.
 */
export function documentChunks(parsed: ParsedDocument, regions: DocumentRegions, anchors: PageAnchors): Chunk[] {
  const { record } = parsed;
  const citations = new Map(record.citations.map((citation) => [citation.label, citation]));
  const page = `${record.id}.html`;
  const chunks: Chunk[] = [];
  const usedIds = new Set<string>();
  regions.entries.forEach((region, entryIndex) => {
    const entry = record.entries[entryIndex]!;
    const headings: Heading[] = [];
    for (const part of splitAtHeadings(region.answer)) {
      const text = part.nodes.map((node) => nodeText(node)).filter((value) => value !== '').join('\n\n');
      if (part.heading) {
        while (headings.length > 0 && headings[headings.length - 1]!.depth >= part.heading.depth) headings.pop();
        headings.push(part.heading);
      } else if (text === '') continue;
      const offset = part.heading?.position?.start.offset;
      const sectionIndex = entry.answer.sections.findIndex((section) => (part.heading ? section.position.start.offset === offset : section.heading === null));
      const fragment = (offset !== undefined ? anchors.headings.get(offset) : undefined) ?? anchors.entries[entryIndex]!;
      const id = uniqueId(`${record.id}#${fragment}`, usedIds);
      const labels = [...new Set([part.heading, ...part.nodes].flatMap((node) => (node ? footnoteLabels(node) : [])))];
      chunks.push({
        schemaVersion: SCHEMA_VERSION,
        id,
        documentId: record.id,
        entryIndex,
        sectionIndex: sectionIndex < 0 ? null : sectionIndex,
        anchor: `${page}#${fragment}`,
        question: entry.question,
        headingPath: headings.map((heading) => nodeText(heading)),
        text,
        category: record.category,
        citations: labels.flatMap((label): ChunkCitation[] => {
          const citation = citations.get(label);
          return citation ? [{ label, url: citation.url, title: citation.title }] : [];
        }),
      });
    }
  });
  return chunks;
}

/** The lines of `json/chunks.ndjson` for one document, keys in the schema's order. */
export function serializeChunks(chunks: readonly Chunk[]): string {
  return chunks.map((chunk) => `${JSON.stringify(chunk)}\n`).join('');
}

/** The answer's nodes split at its headings (the first part has none), definitions left out. */
function splitAtHeadings(nodes: RootContent[]): Array<{ heading: Heading | null; nodes: RootContent[] }> {
  const parts: Array<{ heading: Heading | null; nodes: RootContent[] }> = [{ heading: null, nodes: [] }];
  for (const node of nodes) {
    if (node.type === 'footnoteDefinition' || node.type === 'definition') continue;
    if (node.type === 'heading') parts.push({ heading: node, nodes: [] });
    else parts[parts.length - 1]!.nodes.push(node);
  }
  return parts;
}

function uniqueId(candidate: string, used: Set<string>): string {
  let id = candidate;
  for (let counter = 2; used.has(id); counter++) id = `${candidate}~${counter}`;
  used.add(id);
  return id;
}

