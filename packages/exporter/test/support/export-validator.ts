import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

/** ajv (JSON Schema 2020-12) validators built from the schema files the export itself wrote. */
export function exportValidators(outDir: string): { record: ValidateFunction; manifest: ValidateFunction } {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const schema = (file: string) => JSON.parse(readFileSync(path.join(outDir, 'json', file), 'utf8')) as Record<string, unknown>;
  return { record: ajv.compile(schema('qa-document.schema.json')), manifest: ajv.compile(schema('index.schema.json')) };
}
