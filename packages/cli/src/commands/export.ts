import path from 'node:path';
import { createExportWriter, OutputFolderError, type ExportFormat, type ExportWriter, type ExportWriterOptions } from '@qadocs/exporter';
import { createLintResult, escapeControlCharacters, formatResults, trimLintResult } from '@qadocs/linter';
import type { LintResult, QaDocument } from '@qadocs/schema';
import { readFrontMatterIds } from '@qadocs/engine';
import type { CliIo } from '../cli-io.js';
import { createProgress } from '../progress.js';
import { prepareRun, processDocuments, type CommonFlags } from '../run-context.js';
import { EXIT, UsageError } from '../usage-error.js';

export interface ExportFlags extends CommonFlags {
  out: string;
  format: string;
  ndjson?: boolean;
  color?: boolean;
  /** `--base-url`: where the html/ folder is published (sitemap, canonical links). */
  baseUrl?: string;
  /** `--no-search` turns the site's search page and index off. */
  search?: boolean;
}

const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'html', 'chunks'];

/** `--base-url`: an absolute http(s) URL, or a usage error quoting it. */
export function parseBaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new UsageError(`Unexpected --base-url "${value}", expected an absolute http(s) URL without query or fragment, e.g. https://docs.example.com/qa/`);
  }
  return url.href.replace(/\/+$/, '');
}

/** `--format json,html` -> the formats, or a usage error quoting the unknown one. */
export function parseExportFormats(value: string): ExportFormat[] {
  const formats = value.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(name)) throw new UsageError(`Unexpected --format "${name}", expected a comma-separated list of "json", "html" and "chunks"`);
  }
  if (formats.length === 0) throw new UsageError(`Unexpected --format "${value}", expected a comma-separated list of "json", "html" and "chunks"`);
  return formats as ExportFormat[];
}

/** `--out`: refused when empty (`--out ''` would otherwise export into the current folder). */
export function outputFolderFlag(value: string, cwd: string): string {
  if (value.trim() === '') throw new UsageError(`Unexpected --out "${value}", expected the name of an output folder`);
  return path.resolve(cwd, value);
}

/** The export writer, with an output folder that cannot hold an export reported as a usage problem. */
export async function openExportWriter(options: ExportWriterOptions): Promise<ExportWriter> {
  try {
    return await createExportWriter(options);
  } catch (error) {
    if (error instanceof OutputFolderError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Writes in flight at once: the main thread only writes (the workers parse and render), so a few
 * overlapping writes keep the disk busy without holding many pages in memory.
 */
const WRITES_IN_FLIGHT = 8;

/**
 * `qadocs export`, and `qadocs build` with `lintGate`: every document is parsed once, in the pool, and
 * linted and rendered from that one parse. Both write as documents arrive, beside their targets, and
 * commit the whole export at the end (see the exporter's Crash safety); `build` commits only when lint
 * found no errors, so a failing build leaves the previous output as it was.
 */
export async function exportCommand(paths: string[], flags: ExportFlags, io: CliIo, lintGate = false): Promise<number> {
  const formats = parseExportFormats(flags.format);
  const baseUrl = parseBaseUrl(flags.baseUrl);
  const search = flags.search !== false && formats.includes('html');
  const outDir = outputFolderFlag(flags.out, io.cwd);
  // A path or glob that matches nothing is a typo, not an empty site: it must not empty the output.
  const context = await prepareRun(paths, flags, io, { requireMatches: true });
  const shownOut = path.relative(io.cwd, outDir) || '.';
  // `--low-memory` does not change the index's parts: same input, same output, whatever memory it is given.
  const writer = await openExportWriter({ outDir, formats, ndjson: Boolean(flags.ndjson), baseUrl, search });
  const progress = createProgress(io.stderr as NodeJS.WriteStream, flags.progress !== false);
  // Only what will be printed is kept: error messages (build prints errors; `qadocs lint` is where
  // warnings are read) and each file's counts, so a 10,000-document build does not hold every diagnostic.
  const shown: LintResult[] = [];
  let errors = 0;
  let warnings = 0;
  const writes = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  try {
    const html = formats.includes('html');
    // Pages link to each other by id: ids set in front matter are known before any page is rendered.
    const customIds = html ? readFrontMatterIds(context.files, context.root, context.config.maxFileSize) : {};
    const needs = { record: true, html, chunks: formats.includes('chunks'), page: { baseUrl, search }, customIds, errorsOnly: true };
    const outcomes = processDocuments(context, io, needs, { onProgress: progress.update });
    for await (const outcome of outcomes) {
      // `export` does not lint: it reports only the files it could not read.
      const result = lintGate ? outcome.result : createLintResult(outcome.filePath, outcome.result.messages.filter((message) => message.parseFailure));
      errors += result.errorCount;
      warnings += result.warningCount;
      if (result.errorCount > 0 || result.warningCount > 0) shown.push(trimLintResult(result, (message) => message.severity === 2));
      if (outcome.recordJson === undefined) continue;
      // add() rejects only on misuse; kept to rethrow here rather than left unhandled between awaits.
      const write: Promise<void> = writer
        .add({ record: JSON.parse(outcome.recordJson) as QaDocument, json: outcome.recordJson, html: outcome.html, chunks: outcome.chunks })
        .catch((error: unknown) => void (failure ??= { error }))
        .finally(() => writes.delete(write));
      writes.add(write);
      if (writes.size >= WRITES_IN_FLIGHT) await Promise.race(writes);
      if (failure) throw failure.error;
    }
    await Promise.all(writes);
    if (failure) throw failure.error;
  } catch (error) {
    await Promise.all(writes);
    if (lintGate) await writer.abandon();
    throw error;
  } finally {
    progress.stop();
  }
  if (errors > 0) io.stderr.write(formatResults('stylish', shown, { color: flags.color ?? Boolean(io.stderr.isTTY), cwd: io.cwd }));
  if (warnings > 0) io.stderr.write(`qadocs: ${warnings} lint warning${warnings === 1 ? '' : 's'} (\`qadocs lint\` lists them)\n`);
  if (lintGate && errors > 0) {
    await writer.abandon();
    io.stderr.write(`qadocs build: ${errors} lint error${errors === 1 ? '' : 's'}: nothing exported (${shownOut} is unchanged)\n`);
    return EXIT.problems;
  }
  const summary = await writer.finish();
  for (const problem of summary.diagnostics) io.stderr.write(escapeControlCharacters(`${problem.file}: ${problem.reason} (${problem.ruleId})`) + '\n');
  io.stderr.write(`qadocs: ${summary.documents} documents exported to ${shownOut} (${formats.join(', ')}): ${summary.written} files written, ${summary.unchanged} unchanged, ${summary.removed} removed\n`);
  return summary.diagnostics.length > 0 || errors > 0 ? EXIT.problems : EXIT.ok;
}
