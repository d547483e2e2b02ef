import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

const base = makeTempFolder('init-content-root');

/** Run `qadocs init` in a fresh folder holding `files`; returns the run and the contentRoot it wrote. */
async function initIn(name: string, files: Record<string, string>) {
  const cwd = writeFiles(path.join(base, name), files);
  const run = await runQadocs(['init'], { cwd });
  expect(run.code, describeRun(run)).toBe(0);
  const config = JSON.parse(readFileSync(path.join(cwd, 'qadocs.config.json'), 'utf8')) as { contentRoot: string };
  return { cwd, run, contentRoot: config.contentRoot };
}

describe('qadocs init detects the folder of Markdown documents', () => {
  it('writes "docs" for a repository that keeps its documents in docs/, and lint then finds them', async () => {
    const { cwd, run, contentRoot } = await initIn('docs-folder', {
      'README.md': '# A project\n',
      'docs/how-to/clean.md': cleanDocument(),
      'docs/how-to/again.md': cleanDocument(),
    });
    expect(contentRoot).toBe('docs');
    expect(run.stdout).toBe('Wrote qadocs.config.json with contentRoot "docs" (2 Markdown files). Next: `qadocs lint` to check your content.\n');

    // `qadocs lint` with no path lints the contentRoot: both documents, no problem.
    const lint = await runQadocs(['lint', '--format', 'json'], { cwd });
    expect(lint.code, describeRun(lint)).toBe(0);
    const files = (JSON.parse(lint.stdout) as Array<{ filePath: string }>).map((result) => path.relative(cwd, result.filePath)).sort();
    expect(files).toEqual([path.join('docs', 'how-to', 'again.md'), path.join('docs', 'how-to', 'clean.md')]);
  });

  it('writes "src/content" for an Astro-style layout', async () => {
    const { contentRoot, run } = await initIn('astro', { 'src/content/guide.md': cleanDocument(), 'src/pages/index.astro': '---\n---\n' });
    expect(contentRoot).toBe('src/content');
    expect(run.stdout).toContain('(1 Markdown file)');
  });

  it('picks the folder holding the most Markdown files when several exist', async () => {
    const { contentRoot } = await initIn('several', {
      'docs/one.md': cleanDocument(),
      'content/a.md': cleanDocument(),
      'content/b.mdx': cleanDocument(),
      'content/c.markdown': cleanDocument(),
    });
    expect(contentRoot).toBe('content');
  });

  it('ignores a candidate folder without Markdown, git-ignored files, node_modules and symbolic links', async () => {
    const outside = writeFiles(path.join(base, 'outside'), { 'a.md': cleanDocument(), 'b.md': cleanDocument(), 'c.md': cleanDocument() });
    const cwd = writeFiles(path.join(base, 'ignored'), {
      'content/notes.txt': 'not Markdown\n',
      'docs/.gitignore': 'generated/\n',
      'docs/generated/a.md': cleanDocument(),
      'docs/generated/b.md': cleanDocument(),
      'docs/node_modules/pkg/README.md': '# a dependency\n',
      'doc/real.md': cleanDocument(),
    });
    symlinkSync(outside, path.join(cwd, 'documentation'));
    const run = await runQadocs(['init'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(JSON.parse(readFileSync(path.join(cwd, 'qadocs.config.json'), 'utf8'))).toMatchObject({ contentRoot: 'doc' });
    expect(run.stdout).toContain('with contentRoot "doc" (1 Markdown file)');
  });

  it('writes the default "content" and says that no folder was found when there is none', async () => {
    const { contentRoot, run } = await initIn('empty', { 'README.md': '# Only a readme\n', 'guides/notes.txt': 'text\n' });
    expect(contentRoot).toBe('content');
    expect(run.stdout).toBe(
      'Wrote qadocs.config.json with contentRoot "content": no folder of Markdown files found ' +
        '(looked in content/, docs/, doc/, documentation/, src/content/, src/docs/, website/docs/). ' +
        'Put your documents in content/ or set contentRoot in qadocs.config.json, then run `qadocs lint`.\n',
    );
  });
});
