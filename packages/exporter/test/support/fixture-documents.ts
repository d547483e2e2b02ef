import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, parseFile, type ParsedDocument } from '@qadocs/parser';
import { REFERENCE_DOCUMENT } from '../../../../test-support/project-paths.mjs';

/** The content root of the hand-written Q&A documents. */
export const CONTENT_ROOT = path.resolve(import.meta.dirname, '../fixtures/content');
/** The content root of the hostile documents (exported under `hostile/`). */
export const HOSTILE_ROOT = path.resolve(import.meta.dirname, '../fixtures');
/** The reference document of the project (docs/record.md). */
export const SEED_FILE = REFERENCE_DOCUMENT;

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(folder, file))
    .sort();
}

/** The seed, placed in the content tree as `azure/compute-gallery-vs-container-registry.md`. */
export function parseSeed(): ParsedDocument {
  return parseDocument(readFileSync(SEED_FILE), { path: path.join(CONTENT_ROOT, 'azure/compute-gallery-vs-container-registry.md'), root: CONTENT_ROOT });
}

/** The hand-written documents and the seed. */
export async function parseContentDocuments(): Promise<ParsedDocument[]> {
  const documents = await Promise.all(markdownFiles(CONTENT_ROOT).map((file) => parseFile(file, { root: CONTENT_ROOT })));
  return [...documents, parseSeed()];
}

/** The hostile documents, ids `hostile/<name>`. */
export async function parseHostileDocuments(): Promise<ParsedDocument[]> {
  return Promise.all(markdownFiles(path.join(HOSTILE_ROOT, 'hostile')).map((file) => parseFile(file, { root: HOSTILE_ROOT })));
}

/** The `<title>` and `<h1>` a document page gets. */
export function expectedPageTitle(parsed: ParsedDocument): string {
  const { record } = parsed;
  // The author's title when set, else the (first) question.
  const title = record.title !== null && record.title.trim() !== '' ? record.title : null;
  return title ?? record.entries[0]?.question ?? record.id;
}
