import path from 'node:path';
import { createExportWriter, type ExportFormat } from '@qadocs/exporter';
import { formatResults } from '@qadocs/linter';
import type { LintResult } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { runDocuments } from '../pipeline/run-documents.js';
import { createProgress } from '../progress.js';
import { prepareRun, type CommonFlags } from '../run-context.js';
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
 * `qadocs export` (and the export half of `qadocs build`): each document parsed once in the pool; the
 * writer stages output and replaces the previous export only when the run completes. With `lintGate`,
 * nothing is replaced when lint found errors.
 */
export async function exportCommand(paths: string[], flags: ExportFlags, io: CliIo, lintGate = false): Promise<number> {
  const formats = parseExportFormats(flags.format);
  const context = await prepareRun(paths, flags, io);
  const outDir = path.resolve(io.cwd, flags.out);
  const writer = await createExportWriter({ outDir, formats, ndjson: Boolean(flags.ndjson) });
  const progress = createProgress(io.stderr as NodeJS.WriteStream, flags.progress !== false);
  const results: LintResult[] = [];
  let errors = 0;
  try {
    const outcomes = runDocuments({
      setup: { cwd: io.cwd, configFile: context.configFile, root: context.root, fix: false, record: true, html: formats.includes('html'), classify: false },
      files: context.files,
      config: context.config,
      timeoutMs: context.timeoutMs,
      threads: context.threads,
      onProgress: progress.update,
    });
    for await (const outcome of outcomes) {
      results.push(lintGate ? outcome.result : { ...outcome.result, messages: outcome.result.messages.filter((message) => message.parseFailure) });
      errors += lintGate ? outcome.result.errorCount : outcome.result.fatalErrorCount;
      if (outcome.record && outcome.recordJson !== undefined) {
        await writer.add({ record: outcome.record, recordJson: outcome.recordJson, html: outcome.html ?? null, sourcePath: outcome.filePath });
      }
    }
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    progress.stop();
  }
  const shown = results.filter((result) => result.messages.length > 0);
  if (shown.length > 0) io.stderr.write(formatResults('stylish', shown, { color: flags.color ?? Boolean(io.stderr.isTTY), cwd: io.cwd }));
  if (lintGate && errors > 0) {
    await writer.abort();
    io.stderr.write(`qadocs build: ${errors} lint error${errors === 1 ? '' : 's'}: nothing exported (the previous output in ${path.relative(io.cwd, outDir) || '.'} is unchanged)\n`);
    return EXIT.problems;
  }
  const summary = await writer.finish();
  for (const problem of summary.problems) io.stderr.write(`${problem.file ? `${path.relative(io.cwd, problem.file)}: ` : ''}${problem.reason} (${problem.ruleId})\n`);
  io.stderr.write(
    `qadocs: ${summary.documents} documents exported to ${path.relative(io.cwd, outDir) || '.'} (${formats.join(', ')}): ${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed\n`,
  );
  return summary.problems.length > 0 || errors > 0 ? EXIT.problems : EXIT.ok;
}
