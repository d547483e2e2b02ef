import { lstat } from 'node:fs/promises';
import { unsafeDocumentIdReason } from '@qadocs/schema';
import type { OutputFiles } from './output-file.js';
import type { ExportFormat } from './output-paths.js';

/**
 * The ledger of one format folder: `json/.qadocs-files.json`, `html/.qadocs-files.json`. It lists every
 * file the last export wrote there, with its content fingerprint, and it is the only list a later
 * export removes files from: a hand-written `html/about.html`, a `json/settings.json` or anything else
 * that shares the folder is never touched, and neither is a listed file someone has since changed.
 * One per format folder, so an export of one format never forgets the other's files, and the output
 * keeps its public layout (`DIR/json/…`, `DIR/html/…`, nothing else in `DIR`).
 */
export const LEDGER_FILE = '.qadocs-files.json';

/** Relative path (POSIX, from the output root) -> fingerprint; null when known only from a manifest. */
export type Ledger = Map<string, string | null>;

const LEDGER_VERSION = 1;
/** A ledger of 10,000 documents is ~1 MB; anything far larger is not one of ours and is not read. */
const MAX_LEDGER_BYTES = 256 * 1024 * 1024;

/** The ledger's text: sorted, one file per line, so it is deterministic and diffs well. */
export function ledgerText(entries: Ledger): string {
  const files = Object.fromEntries([...entries].filter(([, print]) => print !== null).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ qadocsFiles: LEDGER_VERSION, files }, null, 1)}\n`;
}

/**
 * The files a previous export wrote in `format`'s folder. From its ledger when there is one; for an
 * export written before ledgers existed, from its manifest `json/index.json` (the documents' own files,
 * without fingerprints). Nothing when neither can be read: then nothing is removed. Entries that are
 * not plain paths inside the format folder are ignored, whatever the file says.
 */
export async function readLedger(files: OutputFiles, format: ExportFormat): Promise<Ledger> {
  const ledger: Ledger = new Map();
  const listed = await readSmallJson(files, `${format}/${LEDGER_FILE}`);
  const entries = listed && typeof listed === 'object' && (listed as { qadocsFiles?: unknown }).qadocsFiles === LEDGER_VERSION ? (listed as { files?: unknown }).files : undefined;
  if (entries && typeof entries === 'object') {
    for (const [file, print] of Object.entries(entries)) {
      if (typeof print === 'string' && isPlainOutputPath(files, format, file)) ledger.set(file.normalize('NFC'), print);
    }
    return ledger;
  }
  if (format === 'json' || format === 'html') {
    // Tolerant of every manifest version: only `documents[].id` is read (schema 2 adds fields).
    const manifest = await readSmallJson(files, 'json/index.json');
    const documents = manifest && typeof manifest === 'object' ? (manifest as { documents?: unknown }).documents : undefined;
    if (Array.isArray(documents)) {
      for (const entry of documents) {
        const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
        if (typeof id !== 'string' || unsafeDocumentIdReason(id) !== null) continue;
        const file = format === 'json' ? `json/docs/${id}.json` : `html/${id}.html`;
        if (isPlainOutputPath(files, format, file)) ledger.set(file.normalize('NFC'), null);
      }
    }
  }
  return ledger;
}

/** A path a ledger may name: inside `format`'s folder, no `.`/`..`/empty segment, not the ledger itself. */
function isPlainOutputPath(files: OutputFiles, format: ExportFormat, file: string): boolean {
  const segments = file.split('/');
  return segments[0] === format && segments.length >= 2 && segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !segment.includes('\0')) && file !== `${format}/${LEDGER_FILE}` && files.contains(file);
}

/** A small regular file under the root, parsed; undefined when missing, a link, too large or not JSON. */
export async function readSmallJson(files: OutputFiles, relativePath: string): Promise<unknown> {
  try {
    const stats = await lstat(files.resolve(relativePath));
    if (!stats.isFile() || stats.size > MAX_LEDGER_BYTES) return undefined;
    return JSON.parse((await files.read(relativePath)).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
