import path from 'node:path';
import { createExportWriter, type ExportFormat } from '@qadocs/exporter';
import { createLintResult, formatResults } from '@qadocs/linter';
import type { LintResult, QaDocument } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { ExportSpool } from '../pipeline/export-spool.js';
import { createProgress } from '../progress.js';
import { prepareRun, processDocuments, type CommonFlags } from '../run-context.js';
import { EXIT, UsageError } from '../usage-error.js';

export interface ExportFlags extends CommonFlags {
  out: string;
  format: string;
  ndjson?: boolean;
  color?: boolean;
}

const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'html'];

/** `--format json,html` -> the formats, or a usage error quoting the unknown one. */
export function parseExportFormats(value: string): ExportFormat[] {
  const formats = value.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(name)) throw new UsageError(`Unexpected --format "${name}", expected "json", "html" or "json,html"`);
  }
  if (formats.length === 0) throw new UsageError(`Unexpected --format "${value}", expected "json", "html" or "json,html"`);
  return formats as ExportFormat[];
}

/**
 * `qadocs export`, and `qadocs build` with `lintGate`: every document is parsed once, in the pool, and
 * linted and rendered from that one parse. `export` writes as documents arrive; `build` spools them and
 * writes only when lint found no errors, so a failing build leaves the previous output as it was.
 */
export async function exportCommand(paths: string[], flags: ExportFlags, io: CliIo, lintGate = false): Promise<number> {
  const formats = parseExportFormats(flags.format);
  const context = await prepareRun(paths, flags, io);
  const outDir = path.resolve(io.cwd, flags.out);
  const shownOut = path.relative(io.cwd, outDir) || '.';
  const writer = lintGate ? null : await createExportWriter({ outDir, formats, ndjson: Boolean(flags.ndjson) });
  const spool = lintGate ? await ExportSpool.create(outDir) : null;
  const progress = createProgress(io.stderr as NodeJS.WriteStream, flags.progress !== false);
  // Only what will be printed is kept: errors (build prints errors; `qadocs lint` is where warnings are
  // read), so a 10,000-document build does not hold every diagnostic.
  const shown: LintResult[] = [];
  let errors = 0;
  let warnings = 0;
  try {
    const outcomes = processDocuments(context, io, { record: true, html: formats.includes('html') }, { onProgress: progress.update });
    for await (const outcome of outcomes) {
      // `export` does not lint: it reports only the files it could not read.
      const result = lintGate ? outcome.result : createLintResult(outcome.filePath, outcome.result.messages.filter((message) => message.parseFailure));
      errors += result.errorCount;
      warnings += result.warningCount;
      if (result.errorCount > 0) shown.push(createLintResult(result.filePath, result.messages.filter((message) => message.severity === 2)));
      if (outcome.recordJson === undefined) continue;
      if (spool) await spool.add({ json: outcome.recordJson, html: outcome.html });
      else await writer!.add({ record: JSON.parse(outcome.recordJson) as QaDocument, json: outcome.recordJson, ...(outcome.html !== undefined ? { html: outcome.html } : {}) });
    }
  } catch (error) {
    await spool?.discard();
    throw error;
  } finally {
    progress.stop();
  }
  if (shown.length > 0) io.stderr.write(formatResults('stylish', shown, { color: flags.color ?? Boolean(io.stderr.isTTY), cwd: io.cwd }));
  if (warnings > 0) io.stderr.write(`qadocs: ${warnings} lint warning${warnings === 1 ? '' : 's'} (\`qadocs lint\` lists them)\n`);
  if (spool && errors > 0) {
    await spool.discard();
    io.stderr.write(`qadocs build: ${errors} lint error${errors === 1 ? '' : 's'}: nothing exported (${shownOut} is unchanged)\n`);
    return EXIT.problems;
  }
  let finalWriter = writer;
  if (spool) {
    finalWriter = await createExportWriter({ outDir, formats, ndjson: Boolean(flags.ndjson) });
    for await (const document of spool.documents()) await finalWriter.add(document);
    await spool.discard();
  }
  const summary = await finalWriter!.finish();
  for (const problem of summary.diagnostics) io.stderr.write(`${problem.file}: ${problem.reason} (${problem.ruleId})\n`);
  io.stderr.write(`qadocs: ${summary.documents} documents exported to ${shownOut} (${formats.join(', ')}): ${summary.written} files written, ${summary.unchanged} unchanged, ${summary.removed} removed\n`);
  return summary.diagnostics.length > 0 || errors > 0 ? EXIT.problems : EXIT.ok;
}
