import { constants, existsSync } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { type ExportFormat } from '@qadocs/exporter';
import { SCHEMA_VERSION, parseQaDocument, unsafeDocumentIdReason, type QaDocument } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { EXIT, UsageError } from '../usage-error.js';
import { openExportWriter, outputFolderFlag } from './export.js';

/**
 * `qadocs merge-manifests shard-1 shard-2 … --out dist`: the exports of `--shard i/n` runs become one
 * export, written by the same writer as a single run, so the manifest, index page and files are the
 * bytes a single run would have produced.
 *
 * A shard is input like any other: its manifest's ids are checked as the exporter checks ids, and its
 * files are read only from inside the shard (no `..`, no link out of it), so a shard cannot make the
 * merge read or write anything else.
 */
export async function mergeManifestsCommand(dirs: string[], flags: { out: string }, io: CliIo): Promise<number> {
  const shards = dirs.map((dir) => path.resolve(io.cwd, dir));
  for (const [index, shard] of shards.entries()) {
    if (!existsSync(path.join(shard, 'json', 'index.json'))) {
      throw new UsageError(`Unexpected shard folder "${dirs[index]}": it has no json/index.json, expected the --out folder of a \`qadocs export\` run`);
    }
  }
  const withHtml = shards.every((shard) => existsSync(path.join(shard, 'html', 'index.html')));
  const formats: ExportFormat[] = withHtml ? ['json', 'html'] : ['json'];
  const outDir = outputFolderFlag(flags.out, io.cwd);
  // The merged site has search when the shards had it: its index is built over the merged pages.
  const search = withHtml && shards.every((shard) => existsSync(path.join(shard, 'html', 'search.html')));
  // Every shard's manifest is checked before the output is touched; a bad file met later abandons the
  // writer, so the output stays as it was.
  const sources = await Promise.all(shards.map(async (shard, index) => new ShardFiles(dirs[index]!, await realpath(shard))));
  const ids = await Promise.all(sources.map((files) => files.manifestIds()));
  const writer = await openExportWriter({ outDir, formats, ndjson: shards.every((shard) => existsSync(path.join(shard, 'json', 'documents.ndjson'))), search });
  try {
    for (const [index, files] of sources.entries()) {
      for (const id of ids[index]!) {
        const text = await files.read(`json/docs/${id}.json`);
        const record = files.record(text, id);
        // A record of an older schema version is re-serialized in the current shape (`record` upgraded it).
        const json = (JSON.parse(text) as { schemaVersion?: unknown }).schemaVersion === SCHEMA_VERSION ? text : undefined;
        const html = withHtml ? await files.read(`html/${id}.html`) : undefined;
        await writer.add({ record, ...(json !== undefined ? { json } : {}), ...(html !== undefined ? { html } : {}) });
      }
    }
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  const summary = await writer.finish();
  for (const problem of summary.diagnostics) io.stderr.write(`${problem.file}: ${problem.reason} (${problem.ruleId})\n`);
  io.stderr.write(`qadocs: ${summary.documents} documents from ${shards.length} shards merged into ${path.relative(io.cwd, outDir) || '.'}\n`);
  return summary.diagnostics.length > 0 ? EXIT.problems : EXIT.ok;
}

/** Largest shard file read (a record or page); far above any real one, far below what hurts. */
const MAX_SHARD_FILE_BYTES = 64 * 1024 * 1024;

/** Reads a shard's files by relative path, refusing anything that leaves the shard's real folder. */
class ShardFiles {
  constructor(
    private readonly shown: string,
    private readonly root: string,
  ) {}

  /** The ids of the shard's manifest (any schema version: only `documents[].id` is read), each checked. */
  async manifestIds(): Promise<string[]> {
    let manifest: unknown;
    try {
      manifest = JSON.parse(await this.read('json/index.json'));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`Unexpected json/index.json in shard "${this.shown}": ${(error as Error).message}, expected the manifest of a \`qadocs export\` run`);
    }
    const documents = (manifest as { documents?: unknown } | null)?.documents;
    if (!Array.isArray(documents)) throw new UsageError(`Unexpected json/index.json in shard "${this.shown}": no \`documents\` list, expected the manifest of a \`qadocs export\` run`);
    return documents.map((entry: unknown) => {
      const id = (entry as { id?: unknown } | null)?.id;
      const why = typeof id === 'string' ? unsafeDocumentIdReason(id) : 'it is not a string';
      if (why !== null) throw new UsageError(`Unexpected document id ${JSON.stringify(id)} in the manifest of shard "${this.shown}": ${why}, expected a relative path inside the shard`);
      return id as string;
    });
  }

  /** The record of `json/docs/<id>.json`, validated against the schema, with the id its manifest gives it. */
  record(json: string, id: string): QaDocument {
    let record: QaDocument;
    try {
      record = parseQaDocument(json, `json/docs/${id}.json`);
    } catch (error) {
      throw new UsageError(`Unexpected record in shard "${this.shown}": ${(error as Error).message}, expected a record \`qadocs export\` wrote`);
    }
    if (record.id !== id) throw new UsageError(`Unexpected record in shard "${this.shown}": \`json/docs/${id}.json\` has the id \`${record.id}\`, expected \`${id}\` as its manifest says`);
    return record;
  }

  /** A regular file inside the shard, through real folders only, as UTF-8 text. */
  async read(relativePath: string): Promise<string> {
    const absolute = path.resolve(this.root, ...relativePath.split('/'));
    const relative = path.relative(this.root, absolute);
    const refuse = (why: string) => new UsageError(`Unexpected \`${relativePath}\` in shard "${this.shown}": ${why}, expected a file the export wrote inside the shard`);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw refuse('it is outside the shard');
    const segments = relative.split(path.sep);
    for (let depth = 1; depth < segments.length; depth++) {
      const stats = await lstat(path.join(this.root, ...segments.slice(0, depth))).catch(() => null);
      if (!stats?.isDirectory()) throw refuse(stats?.isSymbolicLink() ? 'a folder on its way is a symbolic link' : 'it does not exist');
    }
    let handle;
    try {
      handle = await open(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw refuse(code === 'ELOOP' ? 'it is a symbolic link' : code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${code})`);
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw refuse('it is not a regular file');
      if (stats.size > MAX_SHARD_FILE_BYTES) throw refuse(`it is ${stats.size} bytes, more than the ${MAX_SHARD_FILE_BYTES} a record or page can be`);
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  }
}
