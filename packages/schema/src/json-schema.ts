import { z } from 'zod';
import { qaDocumentSchema } from './qa-document.js';
import { manifestSchema } from './manifest.js';

const SCHEMA_BASE = 'https://qadocs.dev/schema/v1';

/** The published JSON Schema (2020-12) of QaDocument, generated from the zod schema so the two never drift. */
export function qaDocumentJsonSchema(): Record<string, unknown> {
  return { $id: `${SCHEMA_BASE}/qa-document.schema.json`, ...z.toJSONSchema(qaDocumentSchema, { target: 'draft-2020-12' }) };
}

/** The JSON Schema (2020-12) of `json/index.json`. */
export function manifestJsonSchema(): Record<string, unknown> {
  return { $id: `${SCHEMA_BASE}/manifest.schema.json`, ...z.toJSONSchema(manifestSchema, { target: 'draft-2020-12' }) };
}
