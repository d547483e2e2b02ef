import { z } from 'zod';
import { CHUNK_SCHEMA_ID, chunkSchema } from './chunk.js';
import { MANIFEST_SCHEMA_ID, manifestSchema } from './manifest.js';
import { QA_DOCUMENT_SCHEMA_ID, qaDocumentSchema } from './qa-document.js';

/**
 * A published JSON Schema (2020-12): the root is the named type itself, and every other named type
 * (`id` in its zod metadata) is one entry of `$defs`, so generators give each type its own name.
 */
function publish(schema: z.ZodType, id: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown> & { $ref?: string; $defs?: Record<string, Record<string, unknown>> };
  const { $schema, $ref, $defs = {} } = generated;
  const definitions = Object.fromEntries(Object.entries($defs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { $schema, $id: id, $ref, $defs: wrapAnnotatedRefs(definitions) as Record<string, unknown> };
}

/**
 * `{ $ref, description }` becomes `{ description, allOf: [{ $ref }] }`: the same schema in 2020-12, but
 * generators that merge a `$ref`'s siblings into a copy of its target (json-schema-to-typescript
 * makes `Position1`, `Position2`, … of them) keep the one named type instead.
 */
function wrapAnnotatedRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(wrapAnnotatedRefs);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, wrapAnnotatedRefs(value)] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  if (typeof object.$ref !== 'string' || Object.keys(object).length === 1) return object;
  const { $ref, ...annotations } = object;
  return { ...annotations, allOf: [{ $ref }] };
}

/** The published JSON Schema (2020-12) of QaDocument, generated from the zod schema so the two never drift. */
export function qaDocumentJsonSchema(): Record<string, unknown> {
  return publish(qaDocumentSchema, QA_DOCUMENT_SCHEMA_ID);
}

/** The JSON Schema (2020-12) of `json/index.json` (published as `index.schema.json`). */
export function manifestJsonSchema(): Record<string, unknown> {
  return publish(manifestSchema, MANIFEST_SCHEMA_ID);
}

/** The JSON Schema (2020-12) of one line of `json/chunks.ndjson`. */
export function chunkJsonSchema(): Record<string, unknown> {
  return publish(chunkSchema, CHUNK_SCHEMA_ID);
}
