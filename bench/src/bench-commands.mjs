import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, editCorpusFile, pickWellFormedFile, restoreEditedFile } from './corpus.mjs';
import { REFERENCE_DOCUMENT } from '../../test-support/project-paths.mjs';

/** The qadocs command line entry point (written by the cli package). */
export const QADOCS_BIN = join(REPO_ROOT, 'packages', 'cli', 'bin', 'qadocs.js');
const BENCH_DIR = join(REPO_ROOT, 'bench');

/** Exit codes that mean "ran and finished": 0 clean, 1 problems found (qadocs, markdownlint-cli2, remark --frail). */
const LINTER_EXIT_CODES = [0, 1];

/** The JavaScript file a devDependency's `bin` points at, so it runs as `node <file>` like every other command. */
export function packageBin(packageName, binName = packageName) {
  const manifestPath = join(BENCH_DIR, 'node_modules', packageName, 'package.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${packageName} is not installed in bench/node_modules: run \`pnpm install\` at the repository root`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[binName];
  return join(BENCH_DIR, 'node_modules', packageName, bin);
}

/**
 * Every command measured on one corpus, in the order of a round. `setup` runs once, untimed,
 * before the first round (it may run the command itself, through `runUntimed`); `before` and
 * `after` run untimed around every timed run. `outputs` are removed before each run and
 * `validate` tells a finished run from a crash (see measureRun). `outcome` describes what a
 * successful run did (problems reported, documents exported), to show it really did the work.
 */
export function benchCommands(corpus, workDir) {
  const out = (name) => join(workDir, name);
  const oneFile = pickWellFormedFile(corpus, 0);
  const editedFile = pickWellFormedFile(corpus, 0.5);
  const editedOriginal = readFileSync(editedFile, 'utf8');
  const qadocsLint = (target, extra, jsonName) => ({
    group: 'qadocs',
    script: QADOCS_BIN,
    args: ['lint', target, ...extra, '--format', 'json', '--output-file', out(jsonName)],
    okExitCodes: LINTER_EXIT_CODES,
    outputs: [out(jsonName)],
    validate: () => (qadocsFindings(out(jsonName)) == null ? `no readable JSON report in ${out(jsonName)}` : null),
    outcome: () => findingsOutcome(qadocsFindings(out(jsonName))),
  });
  const buildConfig = writeBuildConfig(out('qadocs-build.config.json'));
  const qadocsBuild = (id, label, extra) => ({
    id,
    label,
    group: 'qadocs',
    script: QADOCS_BIN,
    args: ['build', corpus.dir, '--out', out(`${id}-out`), '--config', buildConfig, ...extra],
    okExitCodes: LINTER_EXIT_CODES,
    outputs: [out(`${id}-out`)],
    validate: (run) => (buildOutcome(run) == null ? 'no "documents exported" / "nothing exported" line on stderr' : null),
    outcome: (run) => buildOutcome(run),
  });
  return [
    { id: 'qadocs-lint', label: 'qadocs lint (cold)', ...qadocsLint(corpus.dir, [], 'qadocs-lint.json') },
    qadocsBuild('qadocs-build', 'qadocs build (lint + JSON + HTML written)', []),
    { id: 'qadocs-lint-low-memory', label: 'qadocs lint --low-memory (cold)', ...qadocsLint(corpus.dir, ['--low-memory'], 'qadocs-lint-low-memory.json') },
    qadocsBuild('qadocs-build-low-memory', 'qadocs build --low-memory', ['--low-memory']),
    {
      id: 'qadocs-lint-warm',
      label: 'qadocs lint --cache (warm, nothing changed)',
      ...qadocsLint(corpus.dir, ['--cache', '--cache-location', out('cache-warm')], 'qadocs-lint-warm.json'),
      setup: async (runUntimed) => {
        rmSync(out('cache-warm'), { recursive: true, force: true });
        return runUntimed();
      },
    },
    {
      id: 'qadocs-lint-one-changed',
      label: 'qadocs lint --cache (1 file changed)',
      ...qadocsLint(corpus.dir, ['--cache', '--cache-location', out('cache-changed')], 'qadocs-lint-one-changed.json'),
      setup: async (runUntimed) => {
        rmSync(out('cache-changed'), { recursive: true, force: true });
        return runUntimed();
      },
      // New content every round (the cache must not already know it), and the original back
      // afterwards so the other commands always see the generated corpus.
      before: (round) => editCorpusFile(corpus.docs, editedFile, editedOriginal, `${editedOriginal}\n<!-- edited by the benchmark: round ${round}, ${process.hrtime.bigint()} -->\n`),
      after: () => restoreEditedFile(corpus.docs),
      file: relative(corpus.dir, editedFile),
    },
    {
      id: 'markdownlint-cli2',
      label: 'markdownlint-cli2 (default rules)',
      group: 'rival',
      script: packageBin('markdownlint-cli2'),
      args: ['**/*.md'],
      okExitCodes: LINTER_EXIT_CODES,
      validate: (run) => (markdownlintFindings(run) == null ? 'no "Summary: N error(s)" line' : null),
      outcome: (run) => findingsOutcome(markdownlintFindings(run)),
    },
    {
      id: 'remark-cli',
      label: 'remark-cli (lint-recommended, gfm, frontmatter)',
      group: 'rival',
      script: packageBin('remark-cli', 'remark'),
      args: [corpus.dir, '--use', 'remark-preset-lint-recommended', '--use', 'remark-gfm', '--use', 'remark-frontmatter', '--no-config', '--no-stdout', '--no-color', '--quiet', '--frail'],
      okExitCodes: LINTER_EXIT_CODES,
      // --frail exits 1 on warnings; exit 1 with no message line is a crash.
      validate: (run) => (run.exitCode === 1 && remarkFindings(run) === 0 ? 'exit code 1 without any message' : null),
      outcome: (run) => findingsOutcome(remarkFindings(run)),
    },
    qadocsImportReference(out('import-project')),
    { id: 'floor-1', label: 'parse floor, 1 thread', group: 'floor', script: join(BENCH_DIR, 'src', 'parse-floor.mjs'), args: [corpus.dir, '--workers', '1'], okExitCodes: [0] },
    { id: 'floor-2', label: 'parse floor, 2 worker threads', group: 'floor', script: join(BENCH_DIR, 'src', 'parse-floor.mjs'), args: [corpus.dir, '--workers', '2'], okExitCodes: [0] },
    { id: 'qadocs-lint-one-file', label: 'qadocs lint <one file>', ...qadocsLint(oneFile, [], 'qadocs-lint-one-file.json'), file: relative(corpus.dir, oneFile) },
    {
      id: 'markdownlint-cli2-one-file',
      label: 'markdownlint-cli2 <one file>',
      group: 'rival',
      script: packageBin('markdownlint-cli2'),
      args: [relative(corpus.dir, oneFile)],
      okExitCodes: LINTER_EXIT_CODES,
      validate: (run) => (markdownlintFindings(run) == null ? 'no "Summary: N error(s)" line' : null),
      outcome: (run) => findingsOutcome(markdownlintFindings(run)),
      file: relative(corpus.dir, oneFile),
    },
  ].map((command) => ({ ...command, cwd: command.cwd ?? corpus.dir }));
}

/**
 * `qadocs import` of the reference document, as an author runs it: read the paste, classify it, write
 * the document into a project of its own (no config: the defaults) and lint it. The project's content
 * is removed before every run, so each one writes a new file; a fresh import exits 1, because the AI
 * answer has no human review yet. It does not depend on the corpus.
 */
function qadocsImportReference(projectDir) {
  mkdirSync(projectDir, { recursive: true });
  const written = join(projectDir, 'content', 'explanation', 'what-s-the-difference-between-azure-compute-gallery-and-azure-container-registry.md');
  return {
    id: 'qadocs-import-reference',
    label: 'qadocs import <reference document> (write + lint)',
    group: 'qadocs',
    script: QADOCS_BIN,
    args: ['import', REFERENCE_DOCUMENT],
    cwd: projectDir,
    okExitCodes: [1],
    outputs: [join(projectDir, 'content')],
    validate: () => (existsSync(written) ? null : `no imported document at ${written}`),
    outcome: () => {
      const text = readText(written);
      return `${(text.match(/^\[\^\d+\]:/gm) ?? []).length} citations, ${/^category: (.+)$/m.exec(text)?.[1] ?? 'no category'}`;
    },
  };
}

/**
 * The generated corpus has lint errors, and a build with errors exports nothing: the benchmark would
 * time a build that never writes its output. Every rule at "warn" keeps the lint work the same (every
 * rule still runs and reports) while the gate passes, so the timed build writes every record and page.
 */
function writeBuildConfig(file) {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'linter', 'generated', 'qadocs.config.schema.json'), 'utf8'));
  const rules = Object.fromEntries(Object.keys(schema.properties.rules.properties).map((id) => [id, 'warn']));
  writeFileSync(file, `${JSON.stringify({ rules }, null, 2)}\n`);
  return file;
}

function findingsOutcome(count) {
  return count == null ? null : `${count} findings`;
}

/**
 * What `qadocs build` said it did: it does the whole export (records, HTML) and then, when lint
 * found errors, discards it instead of replacing the previous output.
 */
function buildOutcome(run) {
  const text = readText(run.stderrPath);
  const exported = /(\d+) documents exported/.exec(text);
  if (exported) return `${exported[1]} exported`;
  const discarded = /(\d+) lint errors?: nothing exported/.exec(text);
  return discarded ? `${discarded[1]} lint errors, export discarded` : null;
}

/** The problem count markdownlint-cli2 prints as "Summary: N error(s)". */
function markdownlintFindings(run) {
  const text = `${readText(run.stdoutPath)}\n${readText(run.stderrPath)}`;
  const match = /Summary: (\d+) error/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Best effort: the number of messages in qadocs' JSON report, whatever its exact shape. */
function qadocsFindings(path) {
  try {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    const results = Array.isArray(report) ? report : (report.results ?? report.files ?? []);
    let count = 0;
    for (const result of results) count += (result.messages ?? result.diagnostics ?? []).length;
    return count;
  } catch {
    return null;
  }
}

/** The number of message lines (`line:column[-line:column]  warning|error  …`) in remark's report. */
function remarkFindings(run) {
  const text = readText(run.stderrPath).replace(/\u001b\[[0-9;]*m/g, '');
  return text.split('\n').filter((line) => /^\s*\d+:\d+(?:-\d+:\d+)?\s+(?:warning|error)\s/.test(line)).length;
}

function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
