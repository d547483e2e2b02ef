import { mkdir, realpath, rmdir } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { MANIFEST_SCHEMA_ID, SCHEMA_VERSION, chunkJsonSchema, manifestJsonSchema, qaDocumentJsonSchema, unsafeDocumentIdReason, type Manifest, type ManifestEntry, type QaDocument } from '@qadocs/schema';
import { sortDiagnostics, type ExportDiagnostic } from '../export-diagnostic.js';
import { indexDocumentOf, renderIndexPage } from '../render/render-index-page.js';
import { SEARCH_SCRIPT, renderSearchPage } from '../render/render-search-page.js';
import { renderSitemap } from '../render/render-sitemap.js';
import { STYLESHEET } from '../render/stylesheet.js';
import { serializeRecord } from '../serialize-record.js';
import { OutputClaims, type DocumentSlot } from './output-claims.js';
import { OutputFiles, OutputPathError, type StagedFile, type WriteOutcome } from './output-file.js';
import { collisionKey, documentOutputPaths, type ExportFormat } from './output-paths.js';
import { buildSearchIndex } from './search-index.js';
import { sweepOutput } from './sweep-output.js';

export interface ExportWriterOptions {
  /** The output folder (`--out`); created when missing. */
  outDir: string;
  /** Default both. */
  formats?: readonly ExportFormat[];
  /** Also write `json/documents.ndjson`, one record per line, sorted by id. */
  ndjson?: boolean;
  /** The URL the `html/` folder is published at: writes `html/sitemap.xml` and canonical links on the index. */
  baseUrl?: string;
  /** Write the search page and build its Pagefind index over the pages (HTML only). */
  search?: boolean;
  /** The `lang` of the index page. Default `en`. */
  lang?: string;
  /** The site name on the index page. */
  siteTitle?: string;
  /** Seconds since the epoch for the build date on the index; default `process.env.SOURCE_DATE_EPOCH`. Without it no date is written. */
  sourceDateEpoch?: string | number | null;
  /**
   * Hold every document file back until `finish()`: `add()` writes each one beside its target, and
   * only `finish()` puts them in place, so a run that ends with `abandon()` (a build whose lint
   * failed) leaves the previous output as it was, while the writing itself overlaps the run.
   */
  deferred?: boolean;
}

/** One document for the writer: its record, and its page when HTML is exported. */
export interface ExportedDocument {
  record: QaDocument;
  /** `serializeRecord(record)`, when already computed (e.g. in a worker); computed here otherwise. */
  json?: string;
  /** `renderDocumentPage(parsed, …)`; required when the formats include `html`. */
  html?: string;
  /** `serializeChunks(renderDocument(parsed, …).chunks)`: its lines of `json/chunks.ndjson`; required when the formats include `chunks`. */
  chunks?: string;
}

/** What an export did, counting files: the documents' files plus index, manifest, schema, style sheet and NDJSON. */
export interface ExportSummary {
  written: number;
  unchanged: number;
  removed: number;
  /** Documents in the new manifest. */
  documents: number;
  /** Per-document problems, sorted by file; the documents they name were not exported. */
  diagnostics: ExportDiagnostic[];
}

/** Receives documents as they are ready (in any order) and writes the export; see `createExportWriter`. */
export interface ExportWriter {
  /** Write one document's files. Per-document problems become diagnostics in the summary; it rejects only on misuse. */
  add(document: ExportedDocument): Promise<void>;
  /** Write the shared files and the manifest (last), then remove what the new output no longer has. */
  finish(): Promise<ExportSummary>;
  /** Drop what `add()` staged (a `deferred` writer's files, the folders it made): the output stays as it was. */
  abandon(): Promise<void>;
}

const FORMATS: readonly ExportFormat[] = ['json', 'html', 'chunks'];
const DEFAULT_FORMATS: readonly ExportFormat[] = ['json', 'html'];

/**
 * Create the writer of one export run (main thread). Crash safety: document files are written
 * atomically, one by one, before the manifest `json/index.json`, which is replaced last; files of
 * documents that left the export are removed only after it. A run killed at any point leaves a
 * manifest — the old or the new one — whose every listed file exists and is a complete, valid record.
 * Output does not depend on the order documents arrive in: collisions are settled by source path.
 */
export async function createExportWriter(options: ExportWriterOptions): Promise<ExportWriter> {
  for (const format of options.formats ?? []) {
    if (!FORMATS.includes(format)) throw new TypeError(`Unexpected export format "${String(format)}", expected "json", "html" or "chunks"`);
  }
  const formats = FORMATS.filter((format) => (options.formats ?? DEFAULT_FORMATS).includes(format));
  if (formats.length === 0) throw new TypeError('Unexpected empty list of export formats, expected "json", "html" or "chunks"');
  // The first folder this call created (the output folder or one of its parents), if any: abandon() removes them.
  const firstCreated = await mkdir(options.outDir, { recursive: true });
  const files = new OutputFiles(await realpath(options.outDir));
  // A deferred writer's staged files, by document: put in place by finish(), dropped by abandon().
  const staged = new Map<DocumentSlot, Array<{ output: string; file: StagedFile | 'unchanged' }>>();
  const claims = new OutputClaims();
  // Each document's lines of json/chunks.ndjson, written in id order by finish(): small (the text of its answers).
  const chunksBySlot = new WeakMap<DocumentSlot, string>();
  const diagnostics: ExportDiagnostic[] = [];
  const pending = new Set<Promise<void>>();
  const writesByPath = new Map<string, Promise<unknown>>();
  const counts: Record<WriteOutcome, number> = { written: 0, unchanged: 0 };
  let summary: Promise<ExportSummary> | undefined;
  let abandoned = false;

  /** Writes to one path run one after another, so a displaced document's write cannot land last. */
  const writeInTurn = (relativePath: string, write: () => Promise<unknown>) => {
    const key = collisionKey(relativePath);
    const next = (writesByPath.get(key) ?? Promise.resolve()).then(write, write);
    writesByPath.set(key, next);
    const forget = () => {
      if (writesByPath.get(key) === next) writesByPath.delete(key);
    };
    next.then(forget, forget);
    return next;
  };

  const writeDocument = async (slot: DocumentSlot, document: ExportedDocument) => {
    for (const output of slot.outputs) {
      const content = output.startsWith('json/') ? (document.json ?? serializeRecord(document.record)) : document.html!;
      try {
        await writeInTurn(output, async () => {
          if (slot.evicted) return;
          if (!options.deferred) counts[await files.write(output, content)]++;
          else staged.set(slot, [...(staged.get(slot) ?? []), { output, file: await files.stage(output, content) }]);
        });
      } catch (error) {
        if (!slot.evicted) dropFailedDocument(slot, output, error);
        return;
      }
    }
  };

  /** A document one of whose files could not be written leaves the export, with a diagnostic. */
  const dropFailedDocument = (slot: DocumentSlot, output: string, error: unknown) => {
    claims.release(slot);
    const ruleId = error instanceof OutputPathError && error.kind === 'symlink' ? 'export/symlink' : 'export/write-failed';
    diagnostics.push({ ruleId, file: slot.record.path, reason: `Unexpected failure writing \`${output}\`: ${(error as Error).message}` });
  };

  const settle = async () => {
    while (pending.size > 0) await Promise.all(pending);
  };

  /** Put the kept documents' staged files in place and drop the displaced ones'; a failed rename drops its document. */
  const commitStaged = async () => {
    const kept = new Set(claims.documents());
    const commits = pLimit(COMMITS_IN_FLIGHT);
    const documents = [...staged];
    staged.clear();
    await Promise.all(
      documents.map(([slot, stagedFiles]) =>
        commits(async () => {
          for (const { output, file } of stagedFiles) {
            if (file === 'unchanged') {
              if (kept.has(slot)) counts.unchanged++;
            } else if (!kept.has(slot) || slot.evicted) {
              await files.discard(file);
            } else {
              try {
                await files.commit(file);
                counts.written++;
              } catch (error) {
                dropFailedDocument(slot, output, error);
              }
            }
          }
        }),
      ),
    );
  };

  const finishExport = async (): Promise<ExportSummary> => {
    await settle();
    await commitStaged();
    const documents = claims.documents();
    const keep = new Set(documents.flatMap((slot) => slot.outputs.map((output) => output.normalize('NFC'))));
    const writeShared = async (relativePath: string, content: string) => {
      keep.add(relativePath);
      counts[await files.write(relativePath, content)]++;
    };
    const json = formats.includes('json');
    const html = formats.includes('html');

    const chunks = formats.includes('chunks');
    if (json) await writeShared('json/qa-document.schema.json', `${JSON.stringify(qaDocumentJsonSchema(), null, 2)}\n`);
    if (json) await writeShared('json/index.schema.json', `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
    if (chunks) {
      await writeShared('json/chunk.schema.json', `${JSON.stringify(chunkJsonSchema(), null, 2)}\n`);
      keep.add('json/chunks.ndjson');
      counts[await files.writeChunks('json/chunks.ndjson', documents.map((slot) => chunksBySlot.get(slot) ?? ''))]++;
    }
    if (html) await writeShared('html/assets/style.css', STYLESHEET);
    if (json && options.ndjson) {
      keep.add('json/documents.ndjson');
      counts[await files.writeChunks('json/documents.ndjson', ndjsonLines(files, documents))]++;
    }
    if (html) {
      const buildDate = isoDateFromEpoch(options.sourceDateEpoch === undefined ? process.env.SOURCE_DATE_EPOCH : options.sourceDateEpoch);
      await writeShared('html/index.html', renderIndexPage(documents.map((slot) => slot.index), { lang: options.lang, siteTitle: options.siteTitle, buildDate, baseUrl: options.baseUrl, search: options.search }));
      if (options.baseUrl) await writeShared('html/sitemap.xml', renderSitemap(options.baseUrl, documents.map((slot) => slot.record.id)));
      if (options.search) {
        await writeShared('html/search.html', renderSearchPage({ lang: options.lang, siteTitle: options.siteTitle, baseUrl: options.baseUrl }));
        await writeShared('html/assets/search.js', SEARCH_SCRIPT);
      }
    }
    // The commit point: until this rename, the previous manifest and every file it lists stay in place.
    const manifest: Manifest = { $schema: MANIFEST_SCHEMA_ID, schemaVersion: SCHEMA_VERSION, documents: documents.map((slot) => slot.manifest) };
    if (json) await writeShared('json/index.json', `${JSON.stringify(manifest, null, 2)}\n`);

    const keptByKey = new Map([...keep].map((file) => [collisionKey(file), file]));
    const kept = { keeps: (file: string) => keep.has(file), aliasOf: (file: string) => keptByKey.get(collisionKey(file)) };
    let removed = 0;
    const sharedFiles = ['json/documents.ndjson', 'json/chunks.ndjson', 'json/chunk.schema.json', 'html/sitemap.xml', 'html/assets/search.js'];
    if (json || chunks) removed += await sweepOutput(files.root, { folder: 'json', manages: (file) => (json && file.startsWith('json/docs/') && file.endsWith('.json')) || sharedFiles.includes(file), ...kept });
    if (html) removed += await sweepOutput(files.root, { folder: 'html', manages: (file) => file.endsWith('.html') || sharedFiles.includes(file), ...kept });
    // The search index is built over the pages as they now are, after every page is in place.
    if (html && options.search) await buildSearchIndex(files.root);
    return { ...counts, removed, documents: documents.length, diagnostics: sortDiagnostics(diagnostics) };
  };

  return {
    add(document) {
      if (summary || abandoned) return Promise.reject(new Error(`Unexpected add() after ${abandoned ? 'abandon' : 'finish'}() on an export writer`));
      const { record } = document;
      if (formats.includes('html') && typeof document.html !== 'string') {
        return Promise.reject(new TypeError(`Unexpected document \`${record.path}\` without its HTML page, expected \`html\` from renderDocumentPage() when exporting HTML`));
      }
      if (formats.includes('chunks') && typeof document.chunks !== 'string') {
        return Promise.reject(new TypeError(`Unexpected document \`${record.path}\` without its chunks, expected \`chunks\` from serializeChunks() when exporting chunks`));
      }
      const unsafe = unsafeDocumentIdReason(record.id);
      const outputs = documentOutputPaths(record.id, formats);
      const outside = unsafe === null ? outputs.find((output) => !files.contains(output)) : undefined;
      if (unsafe !== null || outside !== undefined) {
        const why = unsafe ?? `\`${outside}\` would be outside the output folder`;
        diagnostics.push({ ruleId: 'export/unsafe-id', file: record.path, reason: `Unexpected document id \`${record.id.replace(/\0/g, '\\0')}\`: ${why}; expected a relative path that stays inside the output folder` });
        return Promise.resolve();
      }
      const slot: DocumentSlot = { record: { id: record.id, path: record.path }, manifest: manifestEntryOf(record), index: indexDocumentOf(record), outputs, evicted: false };
      const { granted, refusals } = claims.claim(slot);
      diagnostics.push(...refusals);
      if (!granted) return Promise.resolve();
      if (document.chunks !== undefined && formats.includes('chunks')) chunksBySlot.set(slot, document.chunks);
      const written = writeDocument(slot, document);
      pending.add(written);
      return written.finally(() => pending.delete(written));
    },
    finish() {
      if (abandoned) return Promise.reject(new Error('Unexpected finish() after abandon() on an export writer'));
      summary ??= finishExport();
      return summary;
    },
    async abandon() {
      if (summary) throw new Error('Unexpected abandon() after finish() on an export writer');
      abandoned = true;
      await settle();
      for (const stagedFiles of staged.values()) for (const { file } of stagedFiles) if (file !== 'unchanged') await files.discard(file);
      staged.clear();
      await files.removeCreatedFolders();
      for (const folder of foldersMadeFor(options.outDir, firstCreated)) await rmdir(folder).catch(() => undefined);
    },
  };
}

/** The output folder and its parents up to the first one `mkdir` created, deepest first; none when it created none. */
function foldersMadeFor(outDir: string, firstCreated: string | undefined): string[] {
  if (firstCreated === undefined) return [];
  const top = path.resolve(firstCreated);
  const folders: string[] = [];
  for (let folder = path.resolve(outDir); folder === top || folder.startsWith(top + path.sep); folder = path.dirname(folder)) folders.push(folder);
  return folders;
}

/** Renames are cheap but many (two per document); a few at a time keep the file system busy without flooding it. */
const COMMITS_IN_FLIGHT = 16;


/** The manifest line of a record, keys in the schema's order. */
function manifestEntryOf(record: QaDocument): ManifestEntry {
  return { id: record.id, path: record.path, recordPath: `docs/${record.id}.json`, title: record.title, category: record.category, hash: record.hash, entryCount: record.entries.length, citationCount: record.citations.length };
}

/** Records read back from their files in id order, one compact JSON line each (never all in memory). */
async function* ndjsonLines(files: OutputFiles, documents: DocumentSlot[]): AsyncGenerator<string> {
  for (const slot of documents) {
    const json = slot.outputs.find((output) => output.startsWith('json/'))!;
    yield `${JSON.stringify(JSON.parse((await files.read(json)).toString('utf8')))}\n`;
  }
}

function isoDateFromEpoch(epoch: string | number | null | undefined): string | null {
  if (epoch === null || epoch === undefined || epoch === '') return null;
  const seconds = Number(epoch);
  if (!Number.isInteger(seconds) || seconds < 0) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}
