import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectEslintJson, type EslintResult } from './support/eslint-json-shape.js';
import { gitIn } from './support/git-repository.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

// `--only-changed-lines` with `--changed-since` (issue 14): only what a pull request introduced.

const base = makeTempFolder('changed-lines');
const cwd = path.join(base, 'repository');
const git = gitIn(cwd);

/** The clean document with a paragraph after its question heading (line 7), so everything below moves down. */
const withParagraphAfterHeading = (text: string, paragraph: string) => text.replace(/^(# .*\n)/m, `$1\n${paragraph}\n`);

/** `file: line ruleId` for each message of a `--format json` run. */
function problems(stdout: string): string[] {
  const results = JSON.parse(stdout) as EslintResult[];
  expectEslintJson(results);
  return results.flatMap((result) => result.messages.map((message) => `${path.relative(cwd, result.filePath)}: ${message.line} ${message.ruleId}`));
}

beforeAll(() => {
  git('init', '--quiet');
  writeFiles(cwd, {
    'docs/old.md': `${cleanDocument()}\nAn old problem[^old].\n`,
    'docs/moved.md': `${cleanDocument()}\nA problem that moves with its file[^moved].\n`,
    'docs/untouched.md': `${cleanDocument()}\nAn old problem in a file the branch leaves alone[^untouched].\n`,
  });
  git('add', '.');
  git('commit', '--quiet', '-m', 'base: documents with old problems');
  git('checkout', '--quiet', '-b', 'feature');
  writeFiles(cwd, {
    'docs/old.md': withParagraphAfterHeading(readFileSync(path.join(cwd, 'docs/old.md'), 'utf8'), 'A new problem[^new].'),
    'docs/new.md': '# What is new?\n\nA new file without front matter[^x].\n',
  });
  git('mv', 'docs/moved.md', 'docs/renamed.md');
  git('add', '.');
  git('commit', '--quiet', '-m', 'feature: a new problem, a new file, a rename');
  // main moves on after the branch started: its changes are not the branch's.
  git('checkout', '--quiet', 'main');
  writeFiles(cwd, { 'docs/main-only.md': `${cleanDocument()}\nLanded on main meanwhile[^main].\n` });
  git('add', '.');
  git('commit', '--quiet', '-m', 'main: another document');
  git('checkout', '--quiet', 'feature');
});

describe('--only-changed-lines', () => {
  it('reports only problems on added or modified lines, and every problem of an added file, from the merge base', async () => {
    const run = await runQadocs(['lint', 'docs', '--changed-since', 'main', '--only-changed-lines', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const newLine = readFileSync(path.join(cwd, 'docs/old.md'), 'utf8').split('\n').indexOf('A new problem[^new].') + 1;
    expect(problems(run.stdout)).toEqual([
      // The new file: its file-level problems (no front matter, at 1:1; the missing category once,
      // by diataxis/category) and the rest.
      'docs/new.md: 1 diataxis/category',
      'docs/new.md: 1 frontmatter/required',
      'docs/new.md: 1 frontmatter/required',
      'docs/new.md: 3 citation/undefined',
      // The modified file: the new problem only; the old one moved down but is not new.
      `docs/old.md: ${newLine} citation/undefined`,
      // docs/renamed.md was moved, not written: its old problem is not reported (rename-aware).
    ]);
    const results = JSON.parse(run.stdout) as EslintResult[];
    expect(results.map((result) => path.relative(cwd, result.filePath))).toEqual(['docs/new.md', 'docs/old.md', 'docs/renamed.md']);
    expect(results.map((result) => [result.errorCount, result.warningCount])).toEqual([[4, 0], [1, 0], [0, 0]]);
  });

  it('without it, --changed-since lints the same files (merge base, not main\'s tip) and reports every problem in them', async () => {
    const run = await runQadocs(['lint', 'docs', '--changed-since', 'main', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const reported = problems(run.stdout);
    expect(reported.filter((entry) => entry.startsWith('docs/old.md'))).toHaveLength(2);
    expect(reported.filter((entry) => entry.startsWith('docs/renamed.md'))).toHaveLength(1);
    expect(reported.some((entry) => entry.startsWith('docs/main-only.md') || entry.startsWith('docs/untouched.md'))).toBe(false);
  });

  it('counts the uncommitted lines of the working tree, and exits 0 when no changed line has a problem', async () => {
    const clean = await runQadocs(['lint', 'docs/renamed.md', 'docs/untouched.md', '--changed-since', 'main', '--only-changed-lines', '--format', 'json'], { cwd });
    expect(clean.code, describeRun(clean)).toBe(0);
    writeFiles(cwd, { 'docs/untouched.md': withParagraphAfterHeading(readFileSync(path.join(cwd, 'docs/untouched.md'), 'utf8'), 'Not yet committed[^wip].') });
    try {
      const run = await runQadocs(['lint', 'docs/untouched.md', '--changed-since', 'main', '--only-changed-lines', '--format', 'json'], { cwd });
      expect(run.code, describeRun(run)).toBe(1);
      expect(problems(run.stdout)).toEqual(['docs/untouched.md: 9 citation/undefined']);
    } finally {
      git('checkout', '--quiet', '--', 'docs/untouched.md');
    }
  });

  it('filters SARIF, annotations and the summary the same way', async () => {
    const sarif = await runQadocs(['lint', 'docs', '--changed-since', 'main', '--only-changed-lines', '--format', 'sarif'], { cwd });
    expect(sarif.code, describeRun(sarif)).toBe(1);
    expect((JSON.parse(sarif.stdout) as { runs: Array<{ results: unknown[] }> }).runs[0]!.results).toHaveLength(5);
    const github = await runQadocs(['lint', 'docs', '--changed-since', 'main', '--only-changed-lines', '--format', 'github'], { cwd });
    expect(github.stdout.trim().split('\n')).toHaveLength(5);
    const markdown = await runQadocs(['lint', 'docs', '--changed-since', 'main', '--only-changed-lines', '--format', 'markdown'], { cwd });
    expect(markdown.stdout).toContain('### qadocs: 5 problems (5 errors, 0 warnings)');
  });

  it('exits 2 without --changed-since, or with --fix', async () => {
    const alone = await runQadocs(['lint', 'docs', '--only-changed-lines'], { cwd });
    expect(alone.code, describeRun(alone)).toBe(2);
    expect(alone.stderr).toContain('--only-changed-lines without --changed-since');
    const fix = await runQadocs(['lint', 'docs', '--changed-since', 'main', '--only-changed-lines', '--fix'], { cwd });
    expect(fix.code, describeRun(fix)).toBe(2);
    expect(fix.stderr).toContain('--fix with --only-changed-lines');
  });

  it('in a shallow clone without the merge base, exits 2 saying which fetch-depth to use', async () => {
    const shallow = path.join(base, 'shallow');
    gitIn(base)('clone', '--quiet', '--depth', '1', '--no-single-branch', '--branch', 'feature', `file://${cwd}`, shallow);
    const run = await runQadocs(['lint', 'docs', '--changed-since', 'origin/main', '--only-changed-lines'], { cwd: shallow });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"origin/main"');
    expect(run.stderr).toContain('shallow clone');
    expect(run.stderr).toContain('`fetch-depth: 0`');
    const missing = await runQadocs(['lint', 'docs', '--changed-since', 'origin/no-such-branch', '--only-changed-lines'], { cwd: shallow });
    expect(missing.code, describeRun(missing)).toBe(2);
    expect(missing.stderr).toContain('`fetch-depth: 0`');
  });
});
