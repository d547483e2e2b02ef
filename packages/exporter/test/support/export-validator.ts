import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { manifestJsonSchema } from '@qadocs/schema';

/** ajv (JSON Schema 2020-12) validators built from the schema file the export itself wrote. */
export function exportValidators(outDir: string): { record: ValidateFunction; manifest: ValidateFunction } {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const recordSchema = JSON.parse(readFileSync(path.join(outDir, 'json/qa-document.schema.json'), 'utf8')) as Record<string, unknown>;
  return { record: ajv.compile(recordSchema), manifest: ajv.compile(manifestJsonSchema()) };
}
