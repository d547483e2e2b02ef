// Writes the published JSON Schema files from the compiled zod schemas (run after tsc).
import { mkdir, writeFile } from 'node:fs/promises';
import { qaDocumentJsonSchema, manifestJsonSchema } from '../dist/index.js';

const out = new URL('../generated/', import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL('qa-document.schema.json', out), JSON.stringify(qaDocumentJsonSchema(), null, 2) + '\n');
await writeFile(new URL('manifest.schema.json', out), JSON.stringify(manifestJsonSchema(), null, 2) + '\n');
