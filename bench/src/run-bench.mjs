#!/usr/bin/env node
// `pnpm bench`: qadocs against markdownlint-cli2, remark-cli and the remark parse floor on
// generated corpora, interleaved, several runs each; prints medians, peak RSS and the docs/performance.md
// targets as ratios, and writes everything to bench/results/. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { QADOCS_BIN, benchCommands } from './bench-commands.mjs';
import { USAGE, parseBenchOptions } from './bench-options.mjs';
import { GENERATOR_PATH, REPO_ROOT, ensureCorpus, restoreAllEditedFiles, restoreEditedFile } from './corpus.mjs';
import { defaultMeasure, measureRun, stopCurrentRun } from './measure-run.mjs';
import { formatLanguageServerReport, measureLanguageServer } from './language-server-latency.mjs';
import { formatPreviewReloadReport, measurePreviewReload } from './preview-reload.mjs';
import { formatMachine, formatSizeReport, writeResults } from './report.mjs';
import { interleavedSchedule } from './schedule.mjs';
import { maximum, median, ratio, describeRuns } from './statistics.mjs';
import { evaluateTargets, kibToMegabytes } from './targets.mjs';

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

/** Why the qadocs commands cannot run (null when they can): the CLI is still being written. */
function qadocsUnavailableReason() {
  if (!existsSync(QADOCS_BIN)) return `${QADOCS_BIN} does not exist yet`;
  for (const subcommand of ['lint', 'build']) {
    try {
      execFileSync(process.execPath, [QADOCS_BIN, subcommand, '--help'], { stdio: 'pipe', timeout: 60_000 });
    } catch (error) {
      const stderr = String(error.stderr ?? error.message).trim().split('\n').slice(0, 3).join(' | ');
      return `\`qadocs ${subcommand} --help\` failed (is packages/cli built? \`pnpm bench\` builds it): ${stderr}`;
    }
  }
  return null;
}

async function benchSize(docs, options, qadocsSkipReason) {
  const corpus = ensureCorpus(docs, options.seed);
  const workDir = mkdtempSync(join(tmpdir(), `qadocs-bench-${docs}-`));
  const measurement = { measure: options.measure, workDir, timeoutSeconds: options.timeoutSeconds };
  const commands = benchCommands(corpus, workDir).map((command) => ({ ...command, runs: [], skipped: null, setupError: null }));
  for (const command of commands) {
    if (options.only && !options.only.includes(command.id)) command.skipped = 'not in --only';
    else if (command.group === 'qadocs' && qadocsSkipReason) command.skipped = 'qadocs CLI unavailable';
  }
  const active = commands.filter((command) => !command.skipped);
  try {
    for (const command of active.filter((candidate) => candidate.setup)) {
      process.stdout.write(`  setup (untimed): ${command.id} … `);
      const run = await command.setup(() => measureRun(command, { ...measurement, name: `${command.id}-setup` }));
      console.log(run.ok ? `${(run.wallMs / 1000).toFixed(2)} s` : 'FAILED');
      if (!run.ok) command.setupError = run.error;
    }
    const runnable = active.filter((command) => !command.setupError);
    for (const { round, commandId } of interleavedSchedule(runnable.map((command) => command.id), options.runs)) {
      const command = runnable.find((candidate) => candidate.id === commandId);
      await command.before?.(round);
      let run;
      try {
        run = await measureRun(command, { ...measurement, name: command.id });
      } finally {
        await command.after?.(round);
      }
      const outcome = run.ok && command.outcome ? command.outcome(run) : null;
      command.runs.push({ round, wallMs: Math.round(run.wallMs), peakRssKb: run.peakRssKb, processPeakRssKb: run.processPeakRssKb, groupPeakRssKb: run.groupPeakRssKb, exitCode: run.exitCode, signal: run.signal, ok: run.ok, error: run.error, outcome });
      console.log(`  run ${round}/${options.runs}  ${command.id.padEnd(27)} ${run.ok ? `${(run.wallMs / 1000).toFixed(2).padStart(7)} s  ${run.peakRssKb == null ? '?' : Math.round(kibToMegabytes(run.peakRssKb))} MB` : `FAILED: ${run.error}`}`);
    }
  } finally {
    restoreEditedFile(docs);
  }
  return summarizeSize(corpus, commands, options, workDir);
}

function summarizeSize(corpus, commands, options, workDir) {
  const summaries = new Map();
  const summarized = commands.map((command) => {
    const okRuns = command.runs.filter((run) => run.ok);
    const failures = command.runs.filter((run) => !run.ok).map((run) => `run ${run.round}: ${run.error}`);
    if (command.setupError) failures.unshift(`setup: ${command.setupError}`);
    const summary = {
      id: command.id,
      label: command.label,
      command: ['node', command.script.replace(`${REPO_ROOT}/`, ''), ...command.args].join(' '),
      cwd: command.cwd,
      file: command.file ?? null,
      skipped: command.skipped ?? (command.setupError ? 'setup failed' : okRuns.length === 0 && command.runs.length > 0 ? 'every run failed' : null),
      wall: describeRuns(okRuns.map((run) => run.wallMs)),
      rss: describeRuns(okRuns.map((run) => run.peakRssKb)),
      medianWallMs: median(okRuns.map((run) => run.wallMs)),
      peakRssKb: maximum(okRuns.map((run) => run.peakRssKb).filter((kib) => kib != null)),
      medianPeakRssKb: median(okRuns.map((run) => run.peakRssKb).filter((kib) => kib != null)),
      okRuns: okRuns.length,
      outcome: okRuns.at(-1)?.outcome ?? null,
      failures,
      runs: command.runs,
    };
    summaries.set(command.id, summary);
    return summary;
  });
  const coldLint = summaries.get('qadocs-lint');
  for (const summary of summarized) summary.ratioToColdLint = ratio(summary.medianWallMs, coldLint?.medianWallMs);
  return {
    docs: corpus.docs,
    seed: corpus.seed,
    corpusDir: corpus.dir,
    corpusBytes: corpus.bytes,
    runsPerCommand: options.runs,
    workDir,
    commands: summarized,
    targets: evaluateTargets(summaries, corpus.docs),
  };
}

async function main() {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(GENERATOR_PATH)) {
    console.error(`bench: the corpus generator is missing: expected ${GENERATOR_PATH}`);
    return 2;
  }
  options.measure ??= defaultMeasure();
  if (options.measure === 'node') {
    console.log('note: /usr/bin/time not used; peak RSS comes from each Node process\'s own rusage (install Debian\'s `time` package for GNU time).');
  }
  const qadocsSkipReason = qadocsUnavailableReason();
  if (qadocsSkipReason) console.log(`SKIPPING every qadocs command: ${qadocsSkipReason}`);
  const result = {
    startedAt: new Date().toISOString(),
    finishedAt: null,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, totalMemoryBytes: totalmem(), node: process.version, platform: `${process.platform}-${process.arch}` },
    options: { ...options, help: undefined },
    qadocsSkipped: qadocsSkipReason,
    sizes: [],
  };
  console.log(formatMachine(result.machine));
  for (const docs of options.sizes) {
    console.log(`\n${docs} documents:`);
    const size = await benchSize(docs, options, qadocsSkipReason);
    result.sizes.push(size);
    console.log(formatSizeReport(size));
  }
  if (!qadocsSkipReason && (!options.only || options.only.includes('language-server'))) {
    console.log('\nlanguage server:');
    result.languageServer = await measureLanguageServer({ edits: options.sizes.every((docs) => docs <= 200) ? 5 : 20, documents: 200 });
    console.log(formatLanguageServerReport(result.languageServer));
  }
  if (!qadocsSkipReason && (!options.only || options.only.includes('preview'))) {
    console.log('\npreview:');
    result.preview = await measurePreviewReload({ saves: options.sizes.every((docs) => docs <= 200) ? 3 : 10 });
    console.log(formatPreviewReloadReport(result.preview));
  }
  result.finishedAt = new Date().toISOString();
  result.memoryGrowth = memoryGrowth(result.sizes);
  if (result.memoryGrowth) {
    const { fromDocs, toDocs, fromMb, toMb } = result.memoryGrowth;
    console.log(`\nqadocs lint (cold) peak RSS: ${fromMb.toFixed(0)} MB at ${fromDocs} documents → ${toMb.toFixed(0)} MB at ${toDocs} (should not grow beyond the cache)`);
  }
  const path = writeResults(RESULTS_DIR, result);
  console.log(`\nresults: ${path} (and bench/results/latest.json)`);

  const failedCommands = result.sizes.flatMap((size) => size.commands.filter((command) => command.failures.length > 0).map((command) => `${size.docs}: ${command.id}: ${command.failures[0]}`));
  const failedTargets = result.sizes.flatMap((size) => size.targets.filter((target) => target.status === 'FAIL').map((target) => `${size.docs}: ${target.description}`));
  if (failedCommands.length > 0) {
    const workDirs = result.sizes.map((size) => size.workDir).join(', ');
    console.error(`\n${failedCommands.length} command(s) failed (outputs kept in ${workDirs}):\n  ${failedCommands.join('\n  ')}`);
    return 1;
  }
  for (const size of result.sizes) rmSync(size.workDir, { recursive: true, force: true });
  if (failedTargets.length > 0) {
    console.log(`\n${failedTargets.length} target(s) FAIL:\n  ${failedTargets.join('\n  ')}`);
    if (options.strict) return 1;
  }
  return 0;
}

/** Cold-lint peak RSS at the smallest and the largest measured corpus, when both were measured. */
function memoryGrowth(sizes) {
  const measured = sizes.map((size) => ({ docs: size.docs, kib: size.commands.find((command) => command.id === 'qadocs-lint')?.peakRssKb })).filter((entry) => entry.kib != null);
  if (measured.length < 2) return null;
  measured.sort((a, b) => a.docs - b.docs);
  const [from, to] = [measured[0], measured.at(-1)];
  return { fromDocs: from.docs, toDocs: to.docs, fromMb: kibToMegabytes(from.kib), toMb: kibToMegabytes(to.kib) };
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopCurrentRun();
    // Put back a corpus file the one-file-changed scenario may have edited.
    restoreAllEditedFiles();
    process.exit(130);
  });
}

process.exitCode = await main();
