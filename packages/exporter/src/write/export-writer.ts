import { lstat, mkdir, readFile, realpath, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_SCHEMA_ID, SCHEMA_VERSION, chunkJsonSchema, manifestJsonSchema, qaDocumentJsonSchema, unsafeDocumentIdReason, type Manifest, type ManifestEntry, type QaDocument } from '@qadocs/schema';
import { sortDiagnostics, type ExportDiagnostic } from '../export-diagnostic.js';
import { categoryNeighbours, withNeighbourNav } from '../render/category-neighbours.js';
import { indexDocumentOf, renderIndexPage } from '../render/render-index-page.js';
import { renderSearchPage, searchScript } from '../render/render-search-page.js';
import { renderSitemap } from '../render/render-sitemap.js';
import { STYLESHEET } from '../render/stylesheet.js';
import { serializeRecord } from '../serialize-record.js';
import { applyJournal, recoverInterruptedCommit, removeJournal, writeJournal, type CommitJournal } from './commit-journal.js';
import { OutputClaims, type DocumentSlot } from './output-claims.js';
import { OutputFiles, OutputPathError, type StagedFile, type UnchangedFile } from './output-file.js';
import { LEDGER_FILE, ledgerText, readLedger, type Ledger } from './output-ledger.js';
import { collisionKey, documentOutputPaths, type ExportFormat } from './output-paths.js';
import { checkSearchIndexPartPages, searchIndexParts } from './search-index.js';
import { removeStaleTemporaries } from './sweep-output.js';

/**
 * The output folder cannot be used at all (it is a file, or `json`/`html` in it is a link or a file):
 * thrown by `createExportWriter` before anything is written, so a front end can report it as a usage
 * problem in one line.
 */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

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
  /** Pages per part of the search index (default `SEARCH_INDEX_PART_PAGES`, 1,000): the indexer's memory grows with it. */
  searchIndexPartPages?: number;
  /** The `lang` of the index page. Default `en`. */
  lang?: string;
  /** The site name on the index page. */
  siteTitle?: string;
  /** Seconds since the epoch for the build date on the index; default `process.env.SOURCE_DATE_EPOCH`. Without it no date is written. */
  sourceDateEpoch?: string | number | null;
  /**
   * Kept for compatibility; every writer now works this way: `add()` writes each file beside its
   * target, and only `finish()` puts them in place (see Crash safety in the README), so a run that
   * ends with `abandon()` (a build whose lint failed) leaves the previous output as it was.
   */
  deferred?: boolean;
}

/** One document for the writer: its record, and its page when HTML is exported. */
export interface ExportedDocument {
  record: QaDocument;
  /** `serializeRecord(record)`, when already computed (e.g. in a worker); computed here otherwise. */
  json?: string;
  /**
   * `renderDocumentPage(parsed, …)`; required when the formats include `html`. Its previous/next
   * links are set by `finish()`, over every document of the run (see `withNeighbourNav`).
   */
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
  /**
   * Link each page to its previous and next page in its index group, stage the shared files (index,
   * manifest, schema, style sheet, NDJSON), then commit the run as one:
   * journal, renames, removal of the previous export's files that the new one no longer has.
   */
  finish(): Promise<ExportSummary>;
  /** Drop what `add()` staged (a `deferred` writer's files, the folders it made): the output stays as it was. */
  abandon(): Promise<void>;
}

const FORMATS: readonly ExportFormat[] = ['json', 'html', 'chunks'];
const DEFAULT_FORMATS: readonly ExportFormat[] = ['json', 'html'];
/** The format folders, each with its own ledger and possibly a commit journal. */
const FOLDERS = ['json', 'html'] as const;
type OutputFolder = (typeof FOLDERS)[number];

/** The format a file of the output belongs to: the chunks and their schema are the `chunks` format's, in `json/`. */
function formatOfOutput(relativePath: string): ExportFormat {
  if (relativePath === 'json/chunks.ndjson' || relativePath === 'json/chunk.schema.json') return 'chunks';
  return relativePath.startsWith('html/') ? 'html' : 'json';
}

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
  if (options.searchIndexPartPages !== undefined) checkSearchIndexPartPages(options.searchIndexPartPages);
  // The folders this run writes in: `chunks` writes in `json/` beside the records.
  const folders = FOLDERS.filter((folder) => formats.includes(folder) || (folder === 'json' && formats.includes('chunks')));
  await checkOutputFolder(options.outDir);
  // The first folder this call created (the output folder or one of its parents), if any: abandon() removes them.
  const firstCreated = await mkdir(options.outDir, { recursive: true });
  const files = new OutputFiles(await realpath(options.outDir));
  // A run killed inside its commit left a journal: complete it first, then drop what killed runs left.
  await recoverInterruptedCommit(files);
  for (const folder of FOLDERS) await removeStaleTemporaries(files.root, folder);
  // What the previous export wrote, by format folder: the only files this run may remove.
  const previous = new Map<OutputFolder, Ledger>();
  for (const folder of FOLDERS) previous.set(folder, await readLedger(files, folder));
  // Staged files, by document: put in place by finish(), dropped by abandon().
  const staged = new Map<DocumentSlot, Array<{ output: string; file: StagedFile | UnchangedFile }>>();
  const claims = new OutputClaims();
  // Each document's lines of json/chunks.ndjson, written in id order by finish(): small (the text of its answers).
  const chunksBySlot = new WeakMap<DocumentSlot, string>();
  const diagnostics: ExportDiagnostic[] = [];
  const pending = new Set<Promise<void>>();
  const writesByPath = new Map<string, Promise<unknown>>();
  let unchanged = 0;
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
          staged.set(slot, [...(staged.get(slot) ?? []), { output, file: await files.stage(output, content) }]);
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

  /** Drop every staged file (of documents displaced or failed, or of the whole run). */
  const discard = async (stagedFiles: Iterable<{ file: StagedFile | UnchangedFile }>) => {
    for (const { file } of stagedFiles) if (!('unchanged' in file)) await files.discard(file);
  };

  /**
   * Give every kept page the previous/next links of its index group. Only now is every document of
   * the run known (the index sorts by label, known once a document is parsed), so pages come to the
   * writer without them (or with a shard's) and are staged again here when their links differ; a page
   * whose links are what its file already holds stays unchanged, so adding a document rewrites only
   * its neighbours' pages.
   */
  const linkNeighbours = async (documents: DocumentSlot[]) => {
    const neighbours = categoryNeighbours(documents.map((slot) => slot.index));
    for (const slot of documents) {
      const stagedFiles = staged.get(slot);
      const at = stagedFiles?.findIndex(({ output }) => output.startsWith('html/')) ?? -1;
      if (at < 0) continue;
      const { output, file } = stagedFiles![at]!;
      const draft = 'unchanged' in file ? (await files.read(output)).toString('utf8') : await readFile(file.temporary, 'utf8');
      const page = withNeighbourNav(draft, slot.index, neighbours.get(slot.record.id));
      if (page === draft) continue;
      stagedFiles![at] = { output, file: await files.stage(output, page) };
      if (!('unchanged' in file)) await files.discard(file);
    }
  };

  const finishExport = async (): Promise<ExportSummary> => {
    await settle();
    const documents = claims.documents();
    const kept = new Set(documents);
    // The run's files in commit order (documents, shared files, manifest, ledgers) and the new ledgers.
    const commit: StagedFile[] = [];
    const ledgers = new Map<OutputFolder, Ledger>(folders.map((folder) => [folder, new Map()]));
    const take = (file: StagedFile | UnchangedFile) => {
      ledgers.get(file.relativePath.startsWith('json/') ? 'json' : 'html')!.set(file.relativePath.normalize('NFC'), file.fingerprint);
      if ('unchanged' in file) unchanged++;
      else commit.push(file);
    };
    try {
      if (formats.includes('html')) await linkNeighbours(documents);
      for (const [slot, stagedFiles] of staged) {
        if (kept.has(slot) && !slot.evicted) stagedFiles.forEach(({ file }) => take(file));
        else await discard(stagedFiles);
      }
      staged.clear();
      const stageShared = async (relativePath: string, content: string | Uint8Array) => take(await files.stage(relativePath, content));
      const json = formats.includes('json');
      const html = formats.includes('html');
      const chunks = formats.includes('chunks');
      if (json) await stageShared('json/qa-document.schema.json', `${JSON.stringify(qaDocumentJsonSchema(), null, 2)}\n`);
      if (json) await stageShared('json/index.schema.json', `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
      if (chunks) {
        await stageShared('json/chunk.schema.json', `${JSON.stringify(chunkJsonSchema(), null, 2)}\n`);
        take(await files.stageChunks('json/chunks.ndjson', documents.map((slot) => chunksBySlot.get(slot) ?? '')));
      }
      if (html) await stageShared('html/assets/style.css', STYLESHEET);
      if (json && options.ndjson) take(await files.stageChunks('json/documents.ndjson', ndjsonLines(files, documents, commit)));
      if (html) {
        const buildDate = isoDateFromEpoch(options.sourceDateEpoch === undefined ? process.env.SOURCE_DATE_EPOCH : options.sourceDateEpoch);
        if (options.baseUrl) await stageShared('html/sitemap.xml', renderSitemap(options.baseUrl, documents.map((slot) => slot.record.id)));
        if (options.search) {
          // The Pagefind index of the pages as this run commits them, in parts, staged and committed
          // like every other file (each part's entry file after its other files), so the ledger owns
          // it and stale index files are removed; then the script that merges the parts.
          const parts: string[] = [];
          for await (const part of searchIndexParts(pagesOf(files, documents, commit), options.searchIndexPartPages)) {
            for (const { relativePath, content } of part.files) await stageShared(relativePath, content);
            parts.push(part.folder);
          }
          await stageShared('html/assets/search.js', searchScript(parts.slice(1)));
          await stageShared('html/search.html', renderSearchPage({ lang: options.lang, siteTitle: options.siteTitle, baseUrl: options.baseUrl }));
        }
        await stageShared('html/index.html', renderIndexPage(documents.map((slot) => slot.index), { lang: options.lang, siteTitle: options.siteTitle, buildDate, baseUrl: options.baseUrl, search: options.search }));
      }
      const manifest: Manifest = { $schema: MANIFEST_SCHEMA_ID, schemaVersion: SCHEMA_VERSION, documents: documents.map((slot) => slot.manifest) };
      if (json) await stageShared('json/index.json', `${JSON.stringify(manifest, null, 2)}\n`);
    } catch (error) {
      await discard(commit.map((file) => ({ file })));
      for (const stagedFiles of staged.values()) await discard(stagedFiles);
      staged.clear();
      throw error;
    }
    const written = commit.length;

    // Files of the previous export that the new one does not have; an alias is a kept file that may be the same one.
    // In `json/`, chunks go whenever this run does not write them (`--format json` after
    // `--format json,chunks` removes them); records stay, and stay in the ledger, through a
    // `--format chunks` run, as `html/` stays through a `--format json` one.
    const removals: CommitJournal['removals'] = [];
    for (const folder of folders) {
      const now = ledgers.get(folder)!;
      const keptByKey = new Map([...now.keys()].map((file) => [collisionKey(file), file]));
      for (const [file, print] of previous.get(folder)!) {
        if (now.has(file)) continue;
        const format = formatOfOutput(file);
        if (format === 'chunks' || formats.includes(format)) removals.push([file, print, keptByKey.get(collisionKey(file)) ?? null]);
        else now.set(file, print);
      }
    }
    // The ledgers, staged last: they describe the folder once the commit is done.
    for (const folder of folders) {
      const entries = ledgers.get(folder)!;
      const ledger = await files.stage(`${folder}/${LEDGER_FILE}`, ledgerText(entries));
      if (!('unchanged' in ledger)) commit.push(ledger);
    }

    let removed = 0;
    if (commit.length > 0 || removals.length > 0) {
      // The commit point: once the journal is on disk the new export is what this folder will hold,
      // even if the process dies in the next instant (the next run completes it).
      const journal: CommitJournal = { renames: commit.map((file) => [file.relativePath, file.temporary.slice(file.target.length)]), removals };
      await writeJournal(files, folders[0]!, journal);
      removed = (await applyJournal(files, journal)).removed;
      await removeJournal(files, folders[0]!);
    }
    return { written, unchanged, removed, documents: documents.length, diagnostics: sortDiagnostics(diagnostics) };
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
      for (const stagedFiles of staged.values()) await discard(stagedFiles);
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


/** The manifest line of a record, keys in the schema's order. */
function manifestEntryOf(record: QaDocument): ManifestEntry {
  return { id: record.id, path: record.path, recordPath: `docs/${record.id}.json`, title: record.title, category: record.category, hash: record.hash, entryCount: record.entries.length, citationCount: record.citations.length };
}

/** Each kept document's page as this run commits it (the staged file when it changed), with its path inside `html/`. */
async function* pagesOf(files: OutputFiles, documents: DocumentSlot[], staged: readonly StagedFile[]): AsyncGenerator<{ sourcePath: string; content: string }> {
  const stagedAt = new Map(staged.map((file) => [file.relativePath, file.temporary]));
  for (const slot of documents) {
    const page = slot.outputs.find((output) => output.startsWith('html/'))!;
    const temporary = stagedAt.get(page);
    const content = temporary !== undefined ? await readFile(temporary, 'utf8') : (await files.read(page)).toString('utf8');
    yield { sourcePath: page.slice('html/'.length), content };
  }
}

/** Records read back in id order (from the staged file when the record changed), one compact JSON line each (never all in memory). */
async function* ndjsonLines(files: OutputFiles, documents: DocumentSlot[], staged: readonly StagedFile[]): AsyncGenerator<string> {
  const stagedAt = new Map(staged.map((file) => [file.relativePath, file.temporary]));
  for (const slot of documents) {
    const json = slot.outputs.find((output) => output.startsWith('json/'))!;
    const temporary = stagedAt.get(json);
    const text = temporary !== undefined ? await readFile(temporary, 'utf8') : (await files.read(json)).toString('utf8');
    yield `${JSON.stringify(JSON.parse(text))}\n`;
  }
}

/**
 * Refuse an output folder that cannot hold an export before anything is written: `--out` naming a
 * file, or a `json`/`html` in it that is a symbolic link (it would be written through) or a file.
 */
async function checkOutputFolder(outDir: string): Promise<void> {
  const stats = await lstat(outDir).catch(() => null);
  if (stats === null) return;
  const folder = stats.isSymbolicLink() ? await lstat(await realpath(outDir).catch(() => outDir)).catch(() => null) : stats;
  if (!folder?.isDirectory()) throw new OutputFolderError(`Unexpected output folder \`${outDir}\`: it is ${stats.isSymbolicLink() ? 'a link to something that is not a folder' : 'a file'}, expected a folder (or a path that does not exist yet)`);
  for (const format of FOLDERS) {
    const inside = await lstat(path.join(outDir, format)).catch(() => null);
    if (inside === null || inside.isDirectory()) continue;
    const what = inside.isSymbolicLink() ? 'a symbolic link' : 'a file';
    throw new OutputFolderError(`Unexpected \`${format}\` in the output folder \`${outDir}\`: it is ${what}, expected a real folder (the exporter never writes through links); remove it or choose another --out`);
  }
}

function isoDateFromEpoch(epoch: string | number | null | undefined): string | null {
  if (epoch === null || epoch === undefined || epoch === '') return null;
  const seconds = Number(epoch);
  if (!Number.isInteger(seconds) || seconds < 0) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}
