import { z } from 'zod';
import { SCHEMA_BASE, SCHEMA_VERSION, categorySchema } from './qa-document.js';

/** `$id` of the manifest schema, written as `$schema` in every `json/index.json`. */
export const MANIFEST_SCHEMA_ID = `${SCHEMA_BASE}/index.schema.json`;

export const manifestEntrySchema = z
  .object({
    id: z.string().min(1).describe('the document id (the record\'s `id`)').meta({ examples: ['how-to/add-footnotes-in-markdown'] }),
    path: z.string().describe('POSIX path of the source file relative to the content root'),
    recordPath: z.string().describe('POSIX path of the record file relative to the folder of this manifest: `docs/<id>.json`').meta({ examples: ['docs/how-to/add-footnotes-in-markdown.json'] }),
    title: z.string().nullable().describe('front-matter `title`'),
    category: categorySchema.nullable().describe('the declared category'),
    hash: z.string().regex(/^sha256-[0-9a-f]{64}$/).describe('`sha256-` and the hex SHA-256 of the source bytes (the record\'s `hash`)'),
    entryCount: z.number().int().min(0).describe('number of questions: the length of the record\'s `entries`'),
    citationCount: z.number().int().min(0).describe('number of footnote definitions: the length of the record\'s `citations`'),
  })
  .strict()
  .meta({ id: 'ManifestEntry', title: 'ManifestEntry', description: 'One exported document, as listed in the manifest.' });

/** `json/index.json`: the list of exported documents, sorted by id. */
export const manifestSchema = z
  .object({
    $schema: z.literal(MANIFEST_SCHEMA_ID).meta({ id: 'ManifestSchemaId', title: 'ManifestSchemaId', description: 'The `$id` of the manifest schema of this version.' }).optional().describe('the `$id` of this schema; present in every exported manifest'),
    schemaVersion: z.literal(SCHEMA_VERSION).describe('version of the manifest and of every record it lists'),
    documents: z.array(manifestEntrySchema).describe('every exported document, sorted by id'),
  })
  .strict()
  .meta({ id: 'Manifest', title: 'Manifest', description: 'The manifest of a qadocs export (`json/index.json`).' });

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;
