import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EslintResult } from './support/eslint-json-shape.js';
import { describeRun, runQadocs, type QadocsRun } from './support/run-qadocs.js';
import { cleanDocument, documentWithError, writeFiles } from './support/sample-documents.js';
import { copyContent, makeTempFolder } from './support/temp-folder.js';

const base = makeTempFolder('selection');

/** The file paths of a `--format json` run, relative to `cwd`. */
function lintedFiles(run: QadocsRun, cwd: string): string[] {
  return (JSON.parse(run.stdout) as EslintResult[]).map((result) => path.relative(cwd, result.filePath).split(path.sep).join('/'));
}

describe('qadocs lint with no paths lints contentRoot', () => {
  const cwd = path.join(base, 'content-root');

  beforeAll(() => {
    writeFiles(cwd, {
      'qadocs.config.json': JSON.stringify({ contentRoot: 'docs' }),
      'docs/how-to/clean.md': cleanDocument(),
      'docs/how-to/broken.md': documentWithError(),
      'outside.md': documentWithError(),
    });
  });

  it('finds the documents under the configured contentRoot, and only those', async () => {
    const run = await runQadocs(['lint', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(lintedFiles(run, cwd)).toEqual(['docs/how-to/broken.md', 'docs/how-to/clean.md']);
    const broken = (JSON.parse(run.stdout) as EslintResult[])[0]!;
    expect(broken.messages.map((message) => message.ruleId)).toEqual(['citation/undefined']);
  });

  it('defaults to `content` without a config', async () => {
    const cwd = path.join(base, 'default-root');
    writeFiles(cwd, { 'content/how-to/clean.md': cleanDocument(), 'stray.md': documentWithError() });
    const run = await runQadocs(['lint', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(lintedFiles(run, cwd)).toEqual(['content/how-to/clean.md']);
  });

  it('exits 2 naming the content root when it does not exist', async () => {
    const cwd = path.join(base, 'missing-root');
    writeFiles(cwd, { 'qadocs.config.json': JSON.stringify({ contentRoot: 'docs' }), 'clean.md': cleanDocument() });
    const run = await runQadocs(['lint'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"docs"');
    expect(run.stdout).toBe('');
  });
});

describe('--changed-since <ref> lints only what changed (issue 5)', () => {
  const cwd = path.join(base, 'repository');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=qadocs test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });

  beforeAll(() => {
    mkdirSync(cwd, { recursive: true });
    git('init', '--quiet');
    writeFiles(cwd, {
      '.gitignore': 'ignored/\n',
      'docs/a.md': cleanDocument(),
      'docs/b.md': cleanDocument(),
      'docs/staged.md': cleanDocument(),
    });
    git('add', '.');
    git('commit', '--quiet', '-m', 'three documents');
    writeFiles(cwd, {
      'docs/a.md': documentWithError(),
      'docs/staged.md': documentWithError(),
      'docs/untracked.md': cleanDocument(),
      'docs/notes.txt': 'not Markdown\n',
      'ignored/skipped.md': documentWithError(),
    });
    git('add', 'docs/staged.md');
  });

  it('lints the changed, staged and untracked Markdown files, and the changes are reported', async () => {
    const run = await runQadocs(['lint', '.', '--changed-since', 'HEAD', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(lintedFiles(run, cwd)).toEqual(['docs/a.md', 'docs/staged.md', 'docs/untracked.md']);
    const results = JSON.parse(run.stdout) as EslintResult[];
    expect(results.map((result) => result.messages.map((message) => message.ruleId))).toEqual([['citation/undefined'], ['citation/undefined'], []]);
  });

  it('takes any commit as the ref, and exits 2 quoting one that does not exist', async () => {
    git('commit', '--quiet', '--allow-empty', '-m', 'later');
    const run = await runQadocs(['lint', 'docs', '--changed-since', 'HEAD~2', '--format', 'json'], { cwd });
    // HEAD~2 does not exist (two commits): a usage error quoting the ref.
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"HEAD~2"');
    const first = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const all = await runQadocs(['lint', 'docs', '--changed-since', first, '--format', 'json'], { cwd });
    expect(all.code, describeRun(all)).toBe(1);
    expect(lintedFiles(all, cwd)).toEqual(['docs/a.md', 'docs/staged.md', 'docs/untracked.md']);
  });

  it('lints nothing and exits 0 when nothing under the paths changed', async () => {
    writeFiles(cwd, { 'docs/untracked.md': cleanDocument() });
    const run = await runQadocs(['lint', 'docs/b.md', '--changed-since', 'HEAD', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('exits 2 quoting a ref git does not know', async () => {
    const run = await runQadocs(['lint', 'docs', '--changed-since', 'no-such-branch'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"no-such-branch"');
    expect(run.stdout).toBe('');
  });

  it('exits 2 for a ref that looks like an option', async () => {
    const run = await runQadocs(['lint', 'docs', '--changed-since=--output=/tmp/x'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"--output=/tmp/x"');
  });
});

describe('--shard i/n partitions the documents (issue 5)', () => {
  const cwd = path.join(base, 'shards');

  beforeAll(() => {
    mkdirSync(cwd, { recursive: true });
    copyContent(cwd, 'content');
  });

  it('the shards are disjoint, their union is every document, and each run gives the same shard', async () => {
    const [all, ...shards] = await Promise.all([
      runQadocs(['lint', 'content', '--format', 'json'], { cwd }),
      ...[1, 2, 3].map((index) => runQadocs(['lint', 'content', '--shard', `${index}/3`, '--format', 'json'], { cwd })),
    ]);
    const everything = lintedFiles(all!, cwd);
    expect(everything.length).toBeGreaterThanOrEqual(12);
    const parts = shards.map((run) => {
      expect(run.code, describeRun(run)).toBe(0);
      return lintedFiles(run, cwd);
    });
    const union = parts.flat();
    expect(new Set(union).size, 'no document is in two shards').toBe(union.length);
    expect([...union].sort()).toEqual([...everything].sort());
    expect(parts.filter((part) => part.length > 0).length, 'the documents are spread over the shards').toBeGreaterThan(1);

    const again = await runQadocs(['lint', 'content', '--shard', '2/3', '--format', 'json'], { cwd });
    expect(lintedFiles(again, cwd)).toEqual(parts[1]);
  });

  it('--shard 1/1 is every document', async () => {
    const [all, one] = await Promise.all([runQadocs(['lint', 'content', '--format', 'json'], { cwd }), runQadocs(['lint', 'content', '--shard', '1/1', '--format', 'json'], { cwd })]);
    expect(lintedFiles(one, cwd)).toEqual(lintedFiles(all, cwd));
  });

  it('exits 2 quoting a bad --shard', async () => {
    const runs = await Promise.all(['3/2', '0/2', '1/0', 'x', '1-2'].map((shard) => runQadocs(['lint', 'content', `--shard=${shard}`], { cwd })));
    for (const [index, shard] of ['3/2', '0/2', '1/0', 'x', '1-2'].entries()) {
      expect(runs[index]!.code, describeRun(runs[index]!)).toBe(2);
      expect(runs[index]!.stderr).toContain(`"${shard}"`);
    }
  });
});
