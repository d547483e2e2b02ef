// Writes the published JSON Schema files from the compiled zod schemas (run after tsc).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { chunkJsonSchema, manifestJsonSchema, qaDocumentJsonSchema } from '../dist/index.js';

const out = new URL('../generated/', import.meta.url);
await mkdir(out, { recursive: true });
// Version 1 published the manifest schema under this name; version 2 names it after the file it describes.
await rm(new URL('manifest.schema.json', out), { force: true });
await writeFile(new URL('qa-document.schema.json', out), JSON.stringify(qaDocumentJsonSchema(), null, 2) + '\n');
await writeFile(new URL('index.schema.json', out), JSON.stringify(manifestJsonSchema(), null, 2) + '\n');
await writeFile(new URL('chunk.schema.json', out), JSON.stringify(chunkJsonSchema(), null, 2) + '\n');
