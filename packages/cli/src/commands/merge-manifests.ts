import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createExportWriter, type ExportFormat } from '@qadocs/exporter';
import { loadExport } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { EXIT, UsageError } from '../usage-error.js';

/**
 * `qadocs merge-manifests shard-1 shard-2 … --out dist`: the exports of `--shard i/n` runs become one
 * export, written by the same writer as a single run, so the manifest, index page and files are the
 * bytes a single run would have produced.
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
  const outDir = path.resolve(io.cwd, flags.out);
  // The merged site has search when the shards had it: its index is built over the merged pages.
  const search = withHtml && shards.every((shard) => existsSync(path.join(shard, 'html', 'search.html')));
  const writer = await createExportWriter({ outDir, formats, ndjson: shards.every((shard) => existsSync(path.join(shard, 'json', 'documents.ndjson'))), search });
  for (const shard of shards) {
    const { documents, exportedSchemaVersion } = await loadExport(shard);
    for (const record of documents) {
      // A shard of an older schema version is re-serialized in the current shape (loadExport upgraded it).
      const json = exportedSchemaVersion === 2 ? await readFile(path.join(shard, 'json', 'docs', `${record.id}.json`), 'utf8') : undefined;
      const html = withHtml ? await readFile(path.join(shard, 'html', `${record.id}.html`), 'utf8') : undefined;
      await writer.add({ record, ...(json !== undefined ? { json } : {}), ...(html !== undefined ? { html } : {}) });
    }
  }
  const summary = await writer.finish();
  for (const problem of summary.diagnostics) io.stderr.write(`${problem.file}: ${problem.reason} (${problem.ruleId})\n`);
  io.stderr.write(`qadocs: ${summary.documents} documents from ${shards.length} shards merged into ${path.relative(io.cwd, outDir) || '.'}\n`);
  return summary.diagnostics.length > 0 ? EXIT.problems : EXIT.ok;
}
