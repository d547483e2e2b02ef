import { z } from 'zod';
import { SCHEMA_BASE, SCHEMA_VERSION, categorySchema } from './qa-document.js';

/** `$id` of the chunk schema: one line of `json/chunks.ndjson`. */
export const CHUNK_SCHEMA_ID = `${SCHEMA_BASE}/chunk.schema.json`;

export const chunkCitationSchema = z
  .object({
    label: z.string().describe('the footnote label (the record\'s `Citation.label`)'),
    url: z.string().nullable().describe('the URL of the source, when the footnote gives one'),
    title: z.string().nullable().describe('the title of the source, when the footnote gives one'),
  })
  .strict()
  .meta({ id: 'ChunkCitation', title: 'ChunkCitation', description: 'A source a chunk cites.' });

/** One answer section (or the part of an answer before its first heading): the unit embedding and search pipelines index. */
export const chunkSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).describe('version of the chunk shape (the export\'s schema version)'),
    id: z.string().describe('stable id: `<documentId>#<fragment>`, the same as long as the document id and the section heading are').meta({ examples: ['how-to/configure-rules#severities'] }),
    documentId: z.string().describe('the `id` of the record the chunk comes from'),
    entryIndex: z.number().int().min(0).describe('index of the question in the record\'s `entries`'),
    sectionIndex: z.number().int().min(0).nullable().describe('index of the section in that entry\'s `answer.sections`; null for text before the first heading that the record keeps in no section (prose without lists)'),
    anchor: z.string().describe('the section in the HTML site, relative to `html/`: `<id>.html#<fragment>`').meta({ examples: ['how-to/configure-rules.html#severities'] }),
    question: z.string().describe('the question the section answers'),
    headingPath: z.array(z.string()).describe('the headings above the section inside the answer, outermost first, ending with its own; empty for the part before the first heading'),
    text: z.string().describe('plain text of the section (its heading excluded), blocks separated by a blank line'),
    category: categorySchema.nullable().describe('the declared category of the document'),
    citations: z.array(chunkCitationSchema).describe('the sources the section cites, in order of first reference'),
  })
  .strict()
  .meta({ id: 'Chunk', title: 'Chunk', description: 'One line of `json/chunks.ndjson`: one answer section of one question (or the part of the answer before its first heading), ready to embed or index.' });

export type ChunkCitation = z.infer<typeof chunkCitationSchema>;
export type Chunk = z.infer<typeof chunkSchema>;
