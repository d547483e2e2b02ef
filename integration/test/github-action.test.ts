import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPOSITORY_ROOT } from '../../test-support/project-paths.mjs';

// The GitHub Action (issue 14): action.yml at the root runs action/run-action.mjs. The test runs that
// script as the runner would, in a simulated GitHub environment, on a temporary git repository: a base
// commit with old problems, and a pull request that adds lines with new problems and a new file.

const ACTION_SCRIPT = path.join(REPOSITORY_ROOT, 'action', 'run-action.mjs');
const QADOCS_BIN = path.join(REPOSITORY_ROOT, 'packages', 'cli', 'bin', 'qadocs.js');
const CLEAN = readFileSync(path.join(REPOSITORY_ROOT, 'content', 'how-to', 'configure-rules.md'), 'utf8');

const base = mkdtempSync(path.join(tmpdir(), 'qadocs-action-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const workspace = path.join(base, 'workspace');

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=qadocs test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', '-c', 'core.hooksPath=/dev/null', ...args], { cwd: workspace, encoding: 'utf8' }).trim();

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
  writeFileSync(path.join(workspace, file), text);
}

/** The clean document with `paragraph` right after its question heading: every line below moves down. */
const withParagraph = (text: string, paragraph: string) => text.replace(/^(# .*\n)/m, `$1\n${paragraph}\n`);

let baseSha: string;
let eventFile: string;

/** Run the action's script with these inputs, as a pull_request event (or another event) on the runner. */
function runAction(inputs: Record<string, string>, options: { event?: 'pull_request' | 'push' } = {}) {
  const runnerTemp = mkdtempSync(path.join(base, 'runner-temp-'));
  const summaryFile = path.join(runnerTemp, 'step-summary.md');
  const outputFile = path.join(runnerTemp, 'github-output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile };
  delete env.FORCE_COLOR;
  if ((options.event ?? 'pull_request') === 'pull_request') {
    env.GITHUB_EVENT_NAME = 'pull_request';
    env.GITHUB_EVENT_PATH = eventFile;
  } else {
    env.GITHUB_EVENT_NAME = 'push';
    delete env.GITHUB_EVENT_PATH;
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const run = spawnSync(process.execPath, [ACTION_SCRIPT], { cwd: workspace, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, summary: readFileSync(summaryFile, 'utf8'), outputs, describe: `exit ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}` };
}

/** The annotation lines the runner would read: `::error file=…,line=…` and `::warning …`. */
const annotations = (stdout: string) => stdout.split('\n').filter((line) => /^::(error|warning) file=/.test(line)).map((line) => /^::(\w+) file=([^,]+),line=(\d+),.*title=([^:]+)::/.exec(line)!.slice(1, 5).join(' '));

beforeAll(() => {
  mkdirSync(workspace, { recursive: true });
  git('init', '--quiet');
  write('.gitignore', 'node_modules/\n');
  // Old problems, already on main: an undefined footnote reference, and a heading wrapped in `**` (a warning).
  write('content/how-to/old.md', `${CLEAN}\nAn old problem[^old].\n`);
  write('content/how-to/warned.md', CLEAN.replace(/^# (.*)$/m, '# **$1**'));
  git('add', '.');
  git('commit', '--quiet', '-m', 'base');
  baseSha = git('rev-parse', 'HEAD');
  git('checkout', '--quiet', '-b', 'pull-request');
  // The pull request: a new error line in old.md (above the old problem) and a new file with warnings only.
  write('content/how-to/old.md', withParagraph(readFileSync(path.join(workspace, 'content/how-to/old.md'), 'utf8'), 'A new problem[^new].'));
  write('content/how-to/new.md', CLEAN.replace(/^description: .*$/m, 'description: Configure qadocs rules.'));
  git('add', '.');
  git('commit', '--quiet', '-m', 'pull request');
  // The project pins qadocs in its devDependencies: the action uses that one (input `version` empty).
  mkdirSync(path.join(workspace, 'node_modules'), { recursive: true });
  symlinkSync(path.dirname(path.dirname(QADOCS_BIN)), path.join(workspace, 'node_modules', 'qadocs'));
  eventFile = path.join(base, 'event.json');
  writeFileSync(eventFile, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: baseSha }, head: { ref: 'pull-request', sha: git('rev-parse', 'HEAD') } } }));
});

describe('the action on a pull request', () => {
  it('annotates only the new problems, writes the summary and the outputs, and fails on the new error', () => {
    const run = runAction({ 'fail-on': 'error' });
    expect(run.code, run.describe).toBe(1);
    const newLine = readFileSync(path.join(workspace, 'content/how-to/old.md'), 'utf8').split('\n').indexOf('A new problem[^new].') + 1;
    expect(annotations(run.stdout)).toEqual([
      'warning content/how-to/new.md 3 frontmatter/description-differs',
      `error content/how-to/old.md ${newLine} citation/undefined`,
    ]);
    expect(run.outputs).toEqual({ errors: '1', warnings: '1', 'sarif-file': '' });
    // The job summary: the table by file and rule, linked to the rules' docs.
    expect(run.summary).toContain('### qadocs: 2 problems (1 error, 1 warning)');
    expect(run.summary).toContain('| content/how-to/new.md | [frontmatter/description-differs](https://github.com/qadocs/qadocs/blob/main/packages/linter/docs/rules/frontmatter-description-differs.md) | 0 | 1 | 3 |');
    expect(run.summary).toContain(`| content/how-to/old.md | [citation/undefined](https://github.com/qadocs/qadocs/blob/main/packages/linter/docs/rules/citation-undefined.md) | 1 | 0 | ${newLine} |`);
    expect(run.summary).not.toContain('warned.md');
  });

  it('writes the same summary as `qadocs lint --format markdown` with the same flags', () => {
    const run = runAction({});
    const cli = spawnSync(process.execPath, [QADOCS_BIN, 'lint', '--changed-since', baseSha, '--only-changed-lines', '--format', 'markdown'], { cwd: workspace, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(run.summary).toBe(cli.stdout);
  });

  it('follows fail-on: never passes, warning fails on warnings alone, error does not', () => {
    const never = runAction({ 'fail-on': 'never' });
    expect(never.code, never.describe).toBe(0);
    expect(never.outputs).toMatchObject({ errors: '1', warnings: '1' });
    const warningsOnly = { paths: 'content/how-to/new.md content/how-to/warned.md' };
    const onWarning = runAction({ ...warningsOnly, 'fail-on': 'warning' });
    expect(onWarning.code, onWarning.describe).toBe(1);
    expect(onWarning.outputs).toMatchObject({ errors: '0', warnings: '1' });
    const onError = runAction({ ...warningsOnly, 'fail-on': 'error' });
    expect(onError.code, onError.describe).toBe(0);
    const bad = runAction({ 'fail-on': 'sometimes' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('::error::Unexpected fail-on "sometimes", expected "error", "warning" or "never"');
  });

  it('writes SARIF for upload with only the new problems, and names it in the outputs', () => {
    const run = runAction({ 'sarif-file': 'reports/qadocs.sarif' });
    expect(run.outputs['sarif-file']).toBe('reports/qadocs.sarif');
    const log = JSON.parse(readFileSync(path.join(workspace, 'reports/qadocs.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(log.runs[0]!.results.map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri} ${result.ruleId}`)).toEqual([
      'content/how-to/new.md frontmatter/description-differs',
      'content/how-to/old.md citation/undefined',
    ]);
  });

  it('passes shard on: each shard lints its part of the documents and says so in its SARIF', () => {
    const shards = ['1/2', '2/2'].map((shard) => runAction({ shard, 'only-changed-lines': 'false', 'fail-on': 'never', 'sarif-file': `shard-${shard.replace('/', '-')}.sarif` }));
    expect(shards.map((run) => Number(run.outputs.errors) + Number(run.outputs.warnings)).reduce((sum, count) => sum + count, 0)).toBe(3);
    const ids = shards.map((run) => (JSON.parse(readFileSync(path.join(workspace, run.outputs['sarif-file']!), 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> }).runs[0]!.automationDetails.id);
    expect(ids).toEqual(['qadocs/shard-1-of-2/', 'qadocs/shard-2-of-2/']);
  });

  it('with only-changed-lines false, reports every problem of the changed files', () => {
    const run = runAction({ 'only-changed-lines': 'false', 'fail-on': 'never' });
    expect(run.outputs).toMatchObject({ errors: '2', warnings: '1' });
    expect(annotations(run.stdout).filter((line) => line.includes('old.md'))).toHaveLength(2);
  });
});

describe('the action outside a pull request', () => {
  it('lints everything (a push to main): old problems included', () => {
    const run = runAction({ 'fail-on': 'never' }, { event: 'push' });
    expect(run.code, run.describe).toBe(0);
    expect(run.outputs).toMatchObject({ errors: '2', warnings: '2' });
    expect(annotations(run.stdout)).toContain('warning content/how-to/warned.md 7 structure/heading-emphasis');
  });
});

describe('action.yml', () => {
  const action = parseYaml(readFileSync(path.join(REPOSITORY_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Array<{ run?: string; env?: Record<string, string> }> };
  };

  it("validates against SchemaStore's github-action schema (vendored in test/fixtures)", () => {
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'github-action.schema.json'), 'utf8')) as Record<string, unknown>;
    expect(schema.$id).toBe('https://json.schemastore.org/github-action.json');
    const ajv = new Ajv.default({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(action), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema is not a formality: a wrong `using` and an unknown key are refused.
    expect(validate({ ...action, runs: { ...action.runs, using: 'compost' } })).toBe(false);
    expect(validate({ ...action, colour: 'blue' })).toBe(false);
  });

  it('is a composite action with the inputs and outputs of the issue, each input handed to the script', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'changed-since', 'only-changed-lines', 'fail-on', 'sarif-file', 'shard', 'cache', 'version']);
    expect(action.inputs['only-changed-lines']!.default).toBe('true');
    expect(action.inputs['fail-on']!.default).toBe('error');
    expect(Object.keys(action.outputs)).toEqual(['errors', 'warnings', 'sarif-file']);
    const [step] = action.runs.steps;
    expect(step!.run).toContain('action/run-action.mjs');
    for (const name of Object.keys(action.inputs)) expect(step!.env![`INPUT_${name.toUpperCase().replace(/-/g, '_')}`]).toBe(`\${{ inputs.${name} }}`);
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.lint.outputs.${name} }}`);
  });
});
