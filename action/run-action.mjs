#!/usr/bin/env node
// The logic of the qadocs GitHub Action (action.yml at the repository root runs this file with the
// action's inputs as INPUT_* variables). Plain Node with no dependencies, so the action needs no install
// step of its own: it lints, annotates the pull request (`--format github`), writes the job summary
// (`--format markdown`), optionally SARIF for code scanning, sets the outputs `errors`, `warnings` and
// `sarif-file`, and exits as `fail-on` says. On a pull request it compares with the PR's base commit and,
// by default, reports only the lines the PR changed.
//
// Each report is one `qadocs lint` run with `--cache`: the first lints, the next ones find every file
// in the cache, so asking for three reports costs little more than one.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FAIL_ON = ['error', 'warning', 'never'];

/** An input, as action.yml hands it to this step: INPUT_<NAME> with dashes as underscores, trimmed. */
function input(name) {
  return (process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();
}

/** A workflow command the runner shows as an annotation on the run. */
function annotate(level, message) {
  process.stdout.write(`::${level}::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
}

/** The base commit of the pull request that triggered the run, or null for any other event. */
function pullRequestBase() {
  const eventFile = process.env.GITHUB_EVENT_PATH;
  if (!eventFile || !existsSync(eventFile)) return null;
  const event = JSON.parse(readFileSync(eventFile, 'utf8'));
  return event.pull_request?.base?.sha ?? null;
}

/**
 * The qadocs command: the repository's own `node_modules/qadocs` when `version` is empty and it is
 * installed (the version the project pins), else `qadocs@<version>` (default latest) installed from npm.
 */
function qadocsCommand(workspace, version) {
  const local = path.join(workspace, 'node_modules', 'qadocs', 'bin', 'qadocs.js');
  if (!version && existsSync(local)) return [process.execPath, local];
  const prefix = path.join(process.env.RUNNER_TEMP || tmpdir(), 'qadocs-action');
  const install = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `qadocs@${version || 'latest'}`], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (install.status !== 0) {
    annotate('error', `Unexpected failure installing qadocs@${version || 'latest'} from npm, expected a published version (input \`version\`)`);
    process.exit(2);
  }
  return [process.execPath, path.join(prefix, 'node_modules', 'qadocs', 'bin', 'qadocs.js')];
}

function main() {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const failOn = input('fail-on') || 'error';
  if (!FAIL_ON.includes(failOn)) {
    annotate('error', `Unexpected fail-on "${failOn}", expected "error", "warning" or "never"`);
    return 2;
  }
  const onlyChangedLinesInput = input('only-changed-lines') || 'true';
  if (!['true', 'false'].includes(onlyChangedLinesInput)) {
    annotate('error', `Unexpected only-changed-lines "${onlyChangedLinesInput}", expected "true" or "false"`);
    return 2;
  }
  const changedSince = input('changed-since') || pullRequestBase();
  // Outside a pull request (a push to main) there is nothing to compare with: everything is linted.
  const onlyChangedLines = onlyChangedLinesInput === 'true' && changedSince !== null;
  const sarifFile = input('sarif-file');

  const [node, bin] = qadocsCommand(workspace, input('version'));
  const args = ['lint', ...input('paths').split(/\s+/).filter(Boolean), '--no-progress', '--no-color'];
  if (input('config')) args.push('--config', input('config'));
  if (changedSince) args.push('--changed-since', changedSince);
  if (onlyChangedLines) args.push('--only-changed-lines');
  if (input('shard')) args.push('--shard', input('shard'));
  if (input('cache') !== 'false') args.push('--cache');

  const scratch = mkdtempSync(path.join(process.env.RUNNER_TEMP || tmpdir(), 'qadocs-action-'));
  try {
    /** One `qadocs lint` run in a format; a usage, config or internal error (exit 2) stops the action. */
    const lint = (format, options = {}) => {
      const run = spawnSync(node, [bin, ...args, '--format', format, ...(options.outputFile ? ['--output-file', options.outputFile] : [])], {
        cwd: workspace,
        encoding: 'utf8',
        maxBuffer: 1024 * 1024 * 1024,
        stdio: ['ignore', options.inherit ? 'inherit' : 'pipe', 'pipe'],
      });
      if (run.status !== 0 && run.status !== 1) {
        process.stderr.write(run.stderr ?? '');
        annotate('error', (run.stderr || `qadocs exited with ${run.status ?? run.signal}`).trim().split('\n').at(-1));
        throw Object.assign(new Error('qadocs failed'), { exitCode: 2 });
      }
      return run;
    };
    const jsonFile = path.join(scratch, 'report.json');
    lint('json', { outputFile: jsonFile });
    const results = JSON.parse(readFileSync(jsonFile, 'utf8'));
    const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
    const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);

    // Annotations: workflow commands on stdout, which the runner turns into notes on the changed lines.
    lint('github', { inherit: true });
    if (process.env.GITHUB_STEP_SUMMARY) {
      const summaryFile = path.join(scratch, 'summary.md');
      lint('markdown', { outputFile: summaryFile });
      appendFileSync(process.env.GITHUB_STEP_SUMMARY, readFileSync(summaryFile, 'utf8'));
    }
    if (sarifFile) lint('sarif', { outputFile: path.resolve(workspace, sarifFile) });

    if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `errors=${errors}\nwarnings=${warnings}\nsarif-file=${sarifFile}\n`);
    if (failOn === 'error' && errors > 0) return 1;
    if (failOn === 'warning' && errors + warnings > 0) return 1;
    return 0;
  } catch (error) {
    if (error.exitCode) return error.exitCode;
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = main();
