import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeControlCharacters, lintSource, REPORT_FORMATS } from '@qadocs/linter';
import type { LintResult, QaDocument } from '@qadocs/schema';
import type { CliIo } from '../cli-io.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import { LintCache } from '@qadocs/engine';
import { createReportWriter } from '../report-writer.js';
import { createProgress } from '../progress.js';
import { configFingerprint, loadRunConfig, nonNegativeInteger, prepareRun, processDocuments, timeoutOf, type CommonFlags } from '../run-context.js';
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
}

/** `qadocs lint`: report (and fix) problems; exit 0 clean, 1 errors or too many warnings, 2 usage. */
export async function lintCommand(paths: string[], flags: LintFlags, io: CliIo): Promise<number> {
  if (!(REPORT_FORMATS as readonly string[]).includes(flags.format)) {
    throw new UsageError(`Unexpected --format "${flags.format}", expected one of ${REPORT_FORMATS.map((name) => `"${name}"`).join(', ')}`);
  }
  const maxWarnings = flags.maxWarnings !== undefined ? nonNegativeInteger('--max-warnings', flags.maxWarnings) : -1;
  const color = flags.color ?? (!flags.outputFile && Boolean(io.stdout.isTTY));
  const report = await createReportWriter(flags.format, { file: flags.outputFile ? path.resolve(io.cwd, flags.outputFile) : null, stdout: io.stdout }, { color, cwd: io.cwd });
  let errors = 0;
  let warnings = 0;
  const onResult = (result: LintResult) => {
    errors += result.errorCount;
    warnings += result.warningCount;
    report.add(flags.quiet ? onlyErrors(result) : result);
  };
  if (flags.stdin) (await lintStdin(paths, flags, io)).forEach(onResult);
  else await lintFiles(paths, flags, io, onResult);
  await report.finish();

  if (errors > 0) return EXIT.problems;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`qadocs found too many warnings (maximum: ${maxWarnings}).\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** Lint the files, handing each result on as soon as it is ready, in path order. */
async function lintFiles(paths: string[], flags: LintFlags, io: CliIo, onResult: (result: LintResult) => void): Promise<void> {
  const context = await prepareRun(paths, flags, io);
  const cache = flags.cache
    ? await LintCache.open(path.resolve(io.cwd, flags.cacheLocation ?? 'node_modules/.cache/qadocs'), io.cwd, [QADOCS_VERSION, configFingerprint(context.config, io.cwd), context.root])
    : null;
  const progress = createProgress(io.stderr as NodeJS.WriteStream, flags.progress !== false);
  // With --check-links, results wait for the link checks (some are linted again); else they stream.
  const held: LintResult[] = [];
  const citedUrls = new Map<string, string[]>();
  const fix = Boolean(flags.fix || flags.fixDryRun);
  const outcomes = processDocuments(context, io, { fix, record: Boolean(flags.checkLinks) }, { cache, onProgress: progress.update });
  try {
    for await (const outcome of outcomes) {
      if (outcome.fixRefused) io.stderr.write(`${escapeControlCharacters(`${path.relative(io.cwd, outcome.filePath)}: ${outcome.fixRefused}`)}\n`);
      if (outcome.fixedSource !== undefined) {
        if (flags.fixDryRun) {
          const original = await readFile(outcome.filePath, 'utf8');
          const name = path.relative(io.cwd, outcome.filePath);
          const { createTwoFilesPatch } = await import('diff');
          io.stdout.write(createTwoFilesPatch(`a/${name}`, `b/${name}`, original, outcome.fixedSource));
          outcome.result.output = outcome.fixedSource;
        } else {
          await writeFileAtomic(outcome.filePath, outcome.fixedSource);
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
    await addDeadLinks(held, citedUrls, context, flags, io);
    held.forEach(onResult);
  }
}

/**
 * `--check-links`: the URLs cited across the run are checked once each (rate-limited per host, cached
 * in the cache folder), then only the documents citing a failing URL are linted again with the results,
 * so `citation/dead-link` reports with its configured severity and inline directives apply.
 */
async function addDeadLinks(results: LintResult[], citedUrls: Map<string, string[]>, context: Awaited<ReturnType<typeof prepareRun>>, flags: LintFlags, io: CliIo): Promise<void> {
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
}

/** `--stdin`: the editor case, one text, in-process, no files written (`--fix` prints the fixed text). */
async function lintStdin(paths: string[], flags: LintFlags, io: CliIo): Promise<LintResult[]> {
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
    if (outcome.fixedSource !== undefined) outcome.result.output = outcome.fixedSource;
    results.push(outcome.result);
  }
  return results;
}

function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}
