import { z } from 'zod';
import { SCHEMA_VERSION, categorySchema } from './qa-document.js';

export const manifestEntrySchema = z
  .object({
    id: z.string().min(1),
    path: z.string(),
    title: z.string().nullable(),
    category: categorySchema.nullable(),
    hash: z.string(),
    entries: z.number().int().min(0),
    citations: z.number().int().min(0),
  })
  .strict();

/** `json/index.json`: the list of exported documents, sorted by id. */
export const manifestSchema = z
  .object({ schemaVersion: z.literal(SCHEMA_VERSION), documents: z.array(manifestEntrySchema) })
  .strict()
  .meta({ title: 'QaDocsManifest' });

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;
