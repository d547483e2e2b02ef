import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { qaDocumentSchema, type QaDocument } from './qa-document.js';
import { manifestSchema, type Manifest } from './manifest.js';

/** Thrown when exported JSON does not match the published schema; `issues` lists every mismatch. */
export class QaDocumentValidationError extends Error {
  override name = 'QaDocumentValidationError';
  constructor(
    readonly source: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    const first = issues[0];
    const where = first && first.path.length > 0 ? ` at \`${first.path.join('.')}\`` : '';
    super(`Unexpected QaDocument in ${source}${where}: ${first?.message ?? 'invalid'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`);
  }
}

/**
 * Validate one exported record (a parsed JSON value or its text) and return it typed.
 * Throws `QaDocumentValidationError` naming the first mismatching field.
 */
export function parseQaDocument(json: unknown, source = 'input'): QaDocument {
  const value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  const result = qaDocumentSchema.safeParse(value);
  if (!result.success) throw new QaDocumentValidationError(source, result.error.issues);
  return result.data;
}

/** What `loadExport` returns: the manifest and every record it lists, validated. */
export interface LoadedExport {
  manifest: Manifest;
  documents: QaDocument[];
}

/**
 * Read a `qadocs export` folder (the `DIR` given to `--out`, or its `json/` folder) and validate it.
 * Needs only this package: consumers never load unified or the parser.
 */
export async function loadExport(dir: string): Promise<LoadedExport> {
  const jsonDir = await resolveJsonDir(dir);
  const manifestPath = path.join(jsonDir, 'index.json');
  const manifestResult = manifestSchema.safeParse(JSON.parse(await readFile(manifestPath, 'utf8')));
  if (!manifestResult.success) throw new QaDocumentValidationError(manifestPath, manifestResult.error.issues);
  const manifest = manifestResult.data;
  const documents: QaDocument[] = [];
  for (const entry of manifest.documents) {
    const file = path.join(jsonDir, 'docs', `${entry.id}.json`);
    documents.push(parseQaDocument(await readFile(file, 'utf8'), file));
  }
  return { manifest, documents };
}

async function resolveJsonDir(dir: string): Promise<string> {
  try {
    await readFile(path.join(dir, 'index.json'));
    return dir;
  } catch {
    return path.join(dir, 'json');
  }
}
