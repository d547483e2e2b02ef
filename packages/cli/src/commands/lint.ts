import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pc from 'picocolors';
import { escapeControlCharacters, lintSource, REPORT_FORMATS } from '@qadocs/linter';
import type { LintResult, QaDocument } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { FixNotWritten, removeStaleFixTemporaries, writeFileAtomic } from '../files/write-file-atomic.js';
import { LintCache } from '@qadocs/engine';
import { keepChangedLines } from '../changed-lines.js';
import { sourceRoot } from '../files/source-root.js';
import { createReportWriter } from '../report-writer.js';
import { createProgress } from '../progress.js';
import type { FileChange } from '../files/changed-since.js';
import { configFingerprint, loadRunConfig, nonNegativeInteger, prepareRun, processDocuments, timeoutOf, type CommonFlags, type RunContext } from '../run-context.js';
import { EXIT, UsageError } from '../usage-error.js';
import { QADOCS_VERSION } from '../version.js';

export interface LintFlags extends CommonFlags {
  fix?: boolean;
  fixDryRun?: boolean;
  format: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  stdin?: boolean;
  stdinFilename?: string;
  checkLinks?: boolean;
  color?: boolean;
  onlyChangedLines?: boolean;
  /** `--watch`: handled by lint-watch.ts. */
  watch?: boolean;
}

/** What `--fix` / `--fix-dry-run` changed (or would change) over the run. */
interface FixTally {
  problems: number;
  files: number;
}

/** What the run did besides linting, for its closing lines. */
interface RunTally {
  fixes: FixTally;
  /** `--check-links`: cited URLs whose host could not be reached (reported as warnings). */
  uncheckedLinks: number;
  /** Fixes that could not be written: each reported for its file; the run goes on (issue 17). */
  unwritten: number;
}

/** `qadocs lint`: report (and fix) problems; exit 0 clean, 1 errors or too many warnings, 2 usage. */
export async function lintCommand(paths: string[], flags: LintFlags, io: CliIo): Promise<number> {
  if (!(REPORT_FORMATS as readonly string[]).includes(flags.format)) {
    throw new UsageError(`Unexpected --format "${flags.format}", expected one of ${REPORT_FORMATS.map((name) => `"${name}"`).join(', ')}`);
  }
  const maxWarnings = flags.maxWarnings !== undefined ? nonNegativeInteger('--max-warnings', flags.maxWarnings) : -1;
  if (flags.onlyChangedLines && !flags.changedSince) throw new UsageError('Unexpected --only-changed-lines without --changed-since, expected a ref to compare with, such as `--changed-since origin/main`');
  if (flags.onlyChangedLines && (flags.fix || flags.fixDryRun)) throw new UsageError(`Unexpected ${flags.fix ? '--fix' : '--fix-dry-run'} with --only-changed-lines, expected one of them: fixes apply to whole files`);
  if (flags.onlyChangedLines && flags.stdin) throw new UsageError('Unexpected --only-changed-lines with --stdin, expected files in a git repository');
  // `--stdin --fix` prints the fixed text on stdout (an editor replaces its buffer with it): the report goes to stderr.
  const reportStream = flags.stdin && flags.fix && !flags.fixDryRun ? io.stderr : io.stdout;
  const color = flags.color ?? (!flags.outputFile && Boolean(reportStream.isTTY));
  const sarif = flags.format === 'sarif' ? { srcRoot: await sourceRoot(io.cwd), automationId: flags.shard ? `qadocs/shard-${flags.shard.replace('/', '-of-')}/` : 'qadocs/' } : {};
  const report = await createReportWriter(flags.format, { file: flags.outputFile ? path.resolve(io.cwd, flags.outputFile) : null, stdout: reportStream }, { color, cwd: io.cwd, ...sarif });
  let errors = 0;
  let warnings = 0;
  let documents = 0;
  const tally: RunTally = { fixes: { problems: 0, files: 0 }, uncheckedLinks: 0, unwritten: 0 };
  let changes: Map<string, FileChange> | undefined;
  const onResult = (linted: LintResult) => {
    documents++;
    const result = flags.onlyChangedLines ? keepChangedLines(linted, changes?.get(linted.filePath)) : linted;
    errors += result.errorCount;
    warnings += result.warningCount;
    report.add(flags.quiet ? onlyErrors(result) : result);
  };
  if (flags.stdin) (await lintStdin(paths, flags, io, tally.fixes)).forEach(onResult);
  else
    await lintFiles(paths, flags, io, onResult, tally, (context) => {
      changes = context.changes;
    });

  const tooManyWarnings = errors === 0 && maxWarnings >= 0 && warnings > maxWarnings;
  const exitCode: number = errors > 0 || tally.unwritten > 0 || tooManyWarnings ? EXIT.problems : EXIT.ok;
  await report.finish(exitCode);

  const summary = runSummary({ documents, errors, warnings, tally, flags, color: flags.color ?? (Boolean(io.stderr.isTTY) && !process.env.NO_COLOR), terminal: Boolean(io.stderr.isTTY) });
  if (summary) io.stderr.write(summary);
  if (tooManyWarnings) io.stderr.write(`qadocs found too many warnings (maximum: ${maxWarnings}).\n`);
  return exitCode;
}

/**
 * The closing lines on stderr (stdout stays the report): how many links could not be checked, what
 * `--fix` changed, and on a terminal that a clean run is clean (its stylish report is empty, and
 * silence does not tell a clean run from one that checked nothing).
 */
function runSummary(run: { documents: number; errors: number; warnings: number; tally: RunTally; flags: LintFlags; color: boolean; terminal: boolean }): string {
  const colors = pc.createColors(run.color);
  const { fixes, uncheckedLinks } = run.tally;
  let text = '';
  if (uncheckedLinks > 0) {
    text += `${count(uncheckedLinks, 'link')} could not be checked: no answer from ${uncheckedLinks === 1 ? 'its host' : 'their hosts'} (offline?); reported as warnings, not as dead links\n`;
  }
  if (fixes.files > 0) {
    const what = `${count(fixes.problems, 'problem')} in ${count(fixes.files, 'file')}`;
    text += run.flags.fixDryRun ? `would fix ${what} (--fix-dry-run: nothing written)\n` : `fixed ${what}\n`;
  }
  const shown = run.errors + (run.flags.quiet ? 0 : run.warnings);
  if (run.terminal && shown === 0 && run.flags.format === 'stylish') {
    text += `${colors.green('\u2714')} ${count(run.documents, 'document')}, no ${run.warnings > 0 ? 'errors' : 'problems'}\n`;
  }
  return text;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** Lint the files, handing each result on as soon as it is ready, in path order. */
async function lintFiles(paths: string[], flags: LintFlags, io: CliIo, onResult: (result: LintResult) => void, tally: RunTally, onContext: (context: RunContext) => void): Promise<void> {
  const { fixes } = tally;
  const context = await prepareRun(paths, flags, io);
  onContext(context);
  const cache = flags.cache
    ? await LintCache.open(path.resolve(io.cwd, flags.cacheLocation ?? 'node_modules/.cache/qadocs'), io.cwd, [QADOCS_VERSION, configFingerprint(context.config, io.cwd), context.root])
    : null;
  const progress = createProgress(io.stderr as NodeJS.WriteStream, flags.progress !== false);
  // With --check-links, results wait for the link checks (some are linted again); else they stream.
  const held: LintResult[] = [];
  const citedUrls = new Map<string, string[]>();
  const fix = Boolean(flags.fix || flags.fixDryRun);
  const cleanedFolders = new Set<string>();
  const outcomes = processDocuments(context, io, { fix, record: Boolean(flags.checkLinks) }, { cache, onProgress: progress.update });
  try {
    for await (const outcome of outcomes) {
      if (outcome.fixRefused) io.stderr.write(`${escapeControlCharacters(`${path.relative(io.cwd, outcome.filePath)}: ${outcome.fixRefused}`)}\n`);
      if (outcome.fixedSource !== undefined) {
        fixes.problems += outcome.fixesApplied ?? 0;
        fixes.files++;
        if (flags.fixDryRun) {
          if (printsDiffs(flags)) await printFixDiff(await readFile(outcome.filePath, 'utf8'), outcome.fixedSource, outcome.filePath, io);
          outcome.result.output = outcome.fixedSource;
        } else {
          // Temporary files a killed --fix left beside this file go first (one look per folder).
          const folder = path.dirname(outcome.filePath);
          if (!cleanedFolders.has(folder)) {
            cleanedFolders.add(folder);
            await removeStaleFixTemporaries(folder);
          }
          const failure = await writeFileAtomic(outcome.filePath, outcome.fixedSource).then(
            () => null,
            (error: unknown) => (error instanceof FixNotWritten ? error.message : `Unexpected failure writing the fix (${(error as Error).message}), expected a file and folder you can write (fix not written)`),
          );
          if (failure !== null) {
            tally.unwritten++;
            fixes.files--;
            fixes.problems -= outcome.fixesApplied ?? 0;
            io.stderr.write(`${path.relative(io.cwd, outcome.filePath)}: ${failure}\n`);
            // The file on disk is unchanged: its report is that of the unfixed text.
            if (outcome.unfixedResult) outcome.result = outcome.unfixedResult;
          }
        }
      }
      if (outcome.recordJson !== undefined) {
        const { citations } = JSON.parse(outcome.recordJson) as QaDocument;
        citedUrls.set(outcome.filePath, citations.flatMap((citation) => (citation.url ? [citation.url] : [])));
      }
      if (flags.checkLinks) held.push(outcome.result);
      else onResult(outcome.result);
    }
  } catch (error) {
    await cache?.discard();
    throw error;
  }
  progress.stop();
  await cache?.save();
  if (flags.checkLinks) {
    tally.uncheckedLinks = await addDeadLinks(held, citedUrls, context, flags, io);
    held.forEach(onResult);
  }
}

/**
 * `--check-links`: the URLs cited across the run are checked once each (rate-limited per host, cached
 * in the cache folder), then only the documents citing a failing URL are linted again with the results,
 * so `citation/dead-link` reports with its configured severity and inline directives apply. Returns
 * how many URLs could not be checked (their host did not answer).
 */
async function addDeadLinks(results: LintResult[], citedUrls: Map<string, string[]>, context: Awaited<ReturnType<typeof prepareRun>>, flags: LintFlags, io: CliIo): Promise<number> {
  const { checkLinks } = await import('@qadocs/linter');
  const urls = new Set([...citedUrls.values()].flat());
  const links = await checkLinks(urls, {
    cacheFile: path.resolve(io.cwd, flags.cacheLocation ?? 'node_modules/.cache/qadocs', 'links.json'),
    timeoutMs: 10_000,
    concurrency: 8,
    perHostIntervalMs: 250,
  });
  const config = context.config.withSettings({ links });
  for (const [index, result] of results.entries()) {
    const cited = citedUrls.get(result.filePath) ?? [];
    if (!cited.some((url) => links.get(url)?.ok === false)) continue;
    results[index] = lintSource(new Uint8Array(await readFile(result.filePath)), { filePath: result.filePath, root: context.root, config }).result;
  }
  return [...links.values()].filter((check) => check.unreachable).length;
}

/**
 * `--stdin`: the editor case, one text, no files written. As for files, `--fix` gives the fixed text
 * (here on stdout: the whole text, unchanged when there was nothing to fix, so an editor can always
 * replace its buffer with it) and `--fix-dry-run` the diff.
 */
/**
 * `--fix-dry-run` shows diffs beside the stylish report, which is read by people, or when the report
 * goes to a file. A report in another format on stdout is read by programs and stays parseable: JSON
 * carries the fixed text in ESLint's `output` field.
 */
function printsDiffs(flags: LintFlags): boolean {
  return flags.format === 'stylish' || Boolean(flags.outputFile);
}

/** `--fix-dry-run`: the fixes of one text as a unified diff, named as `git diff` names files. */
async function printFixDiff(original: string, fixed: string, filePath: string, io: CliIo): Promise<void> {
  const name = path.relative(io.cwd, filePath);
  const { createTwoFilesPatch } = await import('diff');
  io.stdout.write(createTwoFilesPatch(`a/${name}`, `b/${name}`, original, fixed));
}

async function lintStdin(paths: string[], flags: LintFlags, io: CliIo, fixes: FixTally): Promise<LintResult[]> {
  if (paths.length > 0) throw new UsageError(`Unexpected paths with --stdin ("${paths[0]}"), expected either --stdin or paths`);
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const config = await loadRunConfig(flags, io);
  const filePath = path.resolve(io.cwd, flags.stdinFilename ?? 'stdin.md');
  const root = flags.root ? path.resolve(io.cwd, flags.root) : config.contentRootPath;
  // The same pipeline as files, so standard input has the same time limit (a large text goes to a worker).
  const context = { config, configFile: config.file ?? null, root, files: [filePath], timeoutMs: timeoutOf(flags, config), threads: 1, lowMemory: false };
  const results: LintResult[] = [];
  for await (const outcome of processDocuments(context, io, { fix: Boolean(flags.fix || flags.fixDryRun) }, { contents: new Map([[filePath, bytes]]) })) {
    if (outcome.fixRefused) io.stderr.write(`${path.relative(io.cwd, filePath)}: ${outcome.fixRefused}\n`);
    if (outcome.fixedSource !== undefined) {
      outcome.result.output = outcome.fixedSource;
      fixes.problems += outcome.fixesApplied ?? 0;
      fixes.files++;
    }
    if (flags.fixDryRun) {
      if (outcome.fixedSource !== undefined && printsDiffs(flags)) await printFixDiff(new TextDecoder().decode(bytes), outcome.fixedSource, filePath, io);
    } else if (flags.fix) {
      io.stdout.write(outcome.fixedSource ?? Buffer.from(bytes));
    }
    results.push(outcome.result);
  }
  return results;
}

/** A result with its error messages only (`--quiet`). */
export function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}
