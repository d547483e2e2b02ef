import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { qaDocumentSchema, type QaDocument } from './qa-document.js';
import { manifestSchema, type Manifest } from './manifest.js';
import { manifestV1Schema, qaDocumentV1Schema, upgradeManifestV1, upgradeRecordV1 } from './version-1.js';

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

/** The `schemaVersion` of a parsed JSON value, when it has a number there. */
function versionOf(value: unknown): number | undefined {
  const version = value !== null && typeof value === 'object' ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof version === 'number' ? version : undefined;
}

/**
 * Validate one exported record (a parsed JSON value or its text) and return it typed, in the current
 * shape: a schema-version-1 record is validated against version 1 and upgraded (`upgradeRecordV1`).
 * Throws `QaDocumentValidationError` naming the first mismatching field.
 */
export function parseQaDocument(json: unknown, source = 'input'): QaDocument {
  const value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (versionOf(value) === 1) {
    const result = qaDocumentV1Schema.safeParse(value);
    if (!result.success) throw new QaDocumentValidationError(source, result.error.issues);
    return upgradeRecordV1(result.data);
  }
  const result = qaDocumentSchema.safeParse(value);
  if (!result.success) throw new QaDocumentValidationError(source, result.error.issues);
  return result.data;
}

/** What `loadExport` returns: the manifest and every record it lists, validated, in the current shape. */
export interface LoadedExport {
  manifest: Manifest;
  documents: QaDocument[];
  /** The schema version the export was written with (1 or 2); older exports are upgraded on reading. */
  exportedSchemaVersion: 1 | 2;
}

/**
 * Read a `qadocs export` folder (the `DIR` given to `--out`, or its `json/` folder) and validate it.
 * Reads exports of schema version 1 and 2 and returns both in the version-2 shape.
 * Needs only this package: consumers never load unified or the parser.
 */
export async function loadExport(dir: string): Promise<LoadedExport> {
  const jsonDir = await resolveJsonDir(dir);
  const manifestPath = path.join(jsonDir, 'index.json');
  const raw = JSON.parse(await readFile(manifestPath, 'utf8')) as unknown;
  const exportedSchemaVersion = versionOf(raw) === 1 ? 1 : 2;
  const manifest = exportedSchemaVersion === 1 ? upgradeManifestV1(validated(manifestV1Schema, raw, manifestPath)) : validated(manifestSchema, raw, manifestPath);
  const documents: QaDocument[] = [];
  for (const entry of manifest.documents) {
    const file = path.resolve(jsonDir, entry.recordPath);
    if (path.relative(jsonDir, file).startsWith('..') || path.isAbsolute(path.relative(jsonDir, file))) {
      throw new QaDocumentValidationError(manifestPath, [{ code: 'custom', path: ['documents', manifest.documents.indexOf(entry), 'recordPath'], message: `Unexpected record path \`${entry.recordPath}\`, expected a path inside ${jsonDir}`, input: entry.recordPath }]);
    }
    documents.push(parseQaDocument(await readFile(file, 'utf8'), file));
  }
  return { manifest, documents, exportedSchemaVersion };
}

function validated<T>(schema: z.ZodType<T>, value: unknown, source: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new QaDocumentValidationError(source, result.error.issues);
  return result.data;
}

async function resolveJsonDir(dir: string): Promise<string> {
  try {
    await readFile(path.join(dir, 'index.json'));
    return dir;
  } catch {
    return path.join(dir, 'json');
  }
}
