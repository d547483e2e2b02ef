import { z } from 'zod';
import { answerSchema, qaDocumentSchema, qaEntrySchema, sectionSchema, type Claim, type Item, type QaDocument, type Section } from './qa-document.js';
import { manifestEntrySchema, type Manifest } from './manifest.js';

// Version 1 as it was published, for reading older exports: v2 added `$schema`, `classification`,
// `QaEntry.citations` and `Section.citations`, and renamed the manifest's counts.
const sectionV1 = sectionSchema.omit({ citations: true });
const answerV1 = answerSchema.extend({ sections: z.array(sectionV1) });
const entryV1 = qaEntrySchema.omit({ citations: true }).extend({ answer: answerV1 });

/** A record of schema version 1. */
export const qaDocumentV1Schema = qaDocumentSchema.omit({ $schema: true, classification: true }).extend({ schemaVersion: z.literal(1), entries: z.array(entryV1) });

/** `json/index.json` of schema version 1. */
export const manifestV1Schema = z
  .object({
    schemaVersion: z.literal(1),
    documents: z.array(manifestEntrySchema.omit({ recordPath: true, entryCount: true, citationCount: true }).extend({ entries: z.number().int().min(0), citations: z.number().int().min(0) }).strict()),
  })
  .strict();

export type QaDocumentV1 = z.infer<typeof qaDocumentV1Schema>;
export type ManifestV1 = z.infer<typeof manifestV1Schema>;

/**
 * A version-1 record in the version-2 shape. Version 1 did not keep which footnotes a section or an
 * entry cites, so they are gathered from what it kept (items and claims); `classification` is null.
 */
export function upgradeRecordV1(record: QaDocumentV1): QaDocument {
  const { schemaVersion: _version, entries, ...rest } = record;
  return {
    schemaVersion: 2,
    ...rest,
    entries: entries.map((entry) => {
      const sections: Section[] = entry.answer.sections.map((section) => ({
        ...section,
        citations: unique([...section.items.flatMap(itemCitations), ...entry.answer.claims.filter((claim) => within(claim, section)).flatMap((claim) => claim.citations)]),
      }));
      const citations = unique([...sections.flatMap((section) => section.citations), ...entry.answer.claims.flatMap((claim) => claim.citations)]);
      return { question: entry.question, position: entry.position, answer: { ...entry.answer, sections }, citations };
    }),
    classification: null,
  };
}

/** A version-1 manifest in the version-2 shape. */
export function upgradeManifestV1(manifest: ManifestV1): Manifest {
  return {
    schemaVersion: 2,
    documents: manifest.documents.map(({ entries, citations, ...entry }) => ({ ...entry, recordPath: `docs/${entry.id}.json`, entryCount: entries, citationCount: citations })),
  };
}

function itemCitations(item: Item): string[] {
  return [...item.citations, ...item.children.flatMap(itemCitations)];
}

function within(claim: Claim, section: Pick<Section, 'position'>): boolean {
  return claim.position.start.offset >= section.position.start.offset && claim.position.end.offset <= section.position.end.offset;
}

function unique(labels: string[]): string[] {
  return [...new Set(labels)];
}
