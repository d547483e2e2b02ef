import path from 'node:path';
import { escapeControlCharacters, REPORT_FORMATS } from '@qadocs/linter';
import type { LintResult } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { createReportWriter } from '../report-writer.js';
import { prepareRun, processDocuments, type RunContext } from '../run-context.js';
import { EXIT, UsageError } from '../usage-error.js';
import { untilStopped } from '../watch/until-stopped.js';
import { watchInputs, type InputChanges } from '../watch/watch-inputs.js';
import { onlyErrors, type LintFlags } from './lint.js';

/** Clears a terminal and puts the cursor home, so each report replaces the last. */
const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

/**
 * `qadocs lint --watch`: lint once, then again on every save: only the documents that changed (and
 * those added), dropping those removed; everything when the config changes. Each time the whole
 * report is printed again (the screen cleared first on a terminal only, so a pipe keeps every report).
 * Ctrl+C closes the watcher and exits 0.
 */
export async function lintWatchCommand(paths: string[], flags: LintFlags, io: CliIo): Promise<number> {
  if (!(REPORT_FORMATS as readonly string[]).includes(flags.format)) {
    throw new UsageError(`Unexpected --format "${flags.format}", expected one of ${REPORT_FORMATS.map((name) => `"${name}"`).join(', ')}`);
  }
  for (const [flag, given] of [['--fix', flags.fix], ['--fix-dry-run', flags.fixDryRun], ['--stdin', flags.stdin], ['--check-links', flags.checkLinks], ['--changed-since', flags.changedSince], ['--cache', flags.cache]] as const) {
    if (given) throw new UsageError(`Unexpected ${flag} with --watch, expected --watch alone: it lints the files you save, as they are on disk`);
  }
  let context = await prepareRun(paths, flags, io);
  // Listened for from here on: Ctrl+C during the first run or before the watcher is ready still stops cleanly.
  const stopped = untilStopped();
  const results = new Map<string, LintResult>();
  const lint = async (files: readonly string[]) => {
    for await (const outcome of processDocuments({ ...context, files: [...files] }, io, { fix: false })) results.set(outcome.filePath, outcome.result);
  };
  const print = async () => {
    if (io.stdout.isTTY && !flags.outputFile) io.stdout.write(CLEAR_SCREEN);
    const color = flags.color ?? (!flags.outputFile && Boolean(io.stdout.isTTY));
    const report = await createReportWriter(flags.format, { file: flags.outputFile ? path.resolve(io.cwd, flags.outputFile) : null, stdout: io.stdout }, { color, cwd: io.cwd });
    let errors = 0;
    let warnings = 0;
    for (const file of [...results.keys()].sort()) {
      const result = results.get(file)!;
      errors += result.errorCount;
      warnings += result.warningCount;
      report.add(flags.quiet ? onlyErrors(result) : result);
    }
    await report.finish(errors > 0 ? EXIT.problems : EXIT.ok);
    const problems = errors + warnings === 0 ? 'no problems' : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
    io.stderr.write(`qadocs: ${results.size} ${results.size === 1 ? 'document' : 'documents'}, ${problems}; watching for changes (Ctrl+C to stop)\n`);
  };

  const onChange = async (changes: InputChanges) => {
    if (changes.documents.size === 0 && !changes.config) return;
    // The files are found again as `qadocs lint` finds them (globs, .gitignore): added ones are linted, removed ones dropped.
    const previous = new Set(context.files);
    // Saves of known documents keep the list; an added or removed file, or the config, finds it again.
    if (changes.added || changes.config) context = await prepareRun(paths, flags, io);
    const current = new Set(context.files);
    for (const file of results.keys()) if (!current.has(file)) results.delete(file);
    const again = changes.config ? context.files : context.files.filter((file) => changes.documents.has(file) || !previous.has(file));
    await lint(again);
    await print();
  };
  const watcher = await watchInputs({
    inputs: paths.length > 0 ? paths : [context.config.contentRootPath],
    cwd: io.cwd,
    configFile: flags.config ?? null,
    onChange,
    // A broken config or a path that is gone is reported; the watch goes on with what it had.
    onError: (error) => io.stderr.write(`qadocs: ${escapeControlCharacters((error as Error).message)}\n`),
  });
  try {
    await watcher.ready;
    await lint(context.files);
    await print();
    watcher.start();
    await stopped;
  } finally {
    await watcher.close();
  }
  return EXIT.ok;
}
