import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExport, type Manifest } from '@qadocs/schema';
import { contentOf, snapshotTree, touchedFiles } from './support/file-tree.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { documentWithError } from './support/sample-documents.js';
import { copyContent, makeTempFolder } from './support/temp-folder.js';

const cwd = makeTempFolder('export');
const readManifest = (outDir: string) => JSON.parse(readFileSync(path.join(cwd, outDir, 'json/index.json'), 'utf8')) as Manifest;
let contentIds: string[];

beforeAll(async () => {
  copyContent(cwd, 'content');
  const run = await runQadocs(['build', 'content', '--out', 'out'], { cwd });
  expect(run.code, describeRun(run)).toBe(0);
  contentIds = readManifest('out').documents.map((entry) => entry.id);
});

describe('qadocs build on clean content (SPEC §4)', () => {
  it('writes the JSON records, manifest, schema and the HTML site', async () => {
    for (const file of ['json/index.json', 'json/qa-document.schema.json', 'html/index.html', 'html/assets/style.css']) {
      expect(existsSync(path.join(cwd, 'out', file)), file).toBe(true);
    }
    expect(contentIds).toContain('how-to/configure-rules');
    expect(contentIds.length).toBeGreaterThanOrEqual(12);
    for (const id of contentIds) {
      expect(existsSync(path.join(cwd, 'out/json/docs', `${id}.json`)), id).toBe(true);
      expect(existsSync(path.join(cwd, 'out/html', `${id}.html`)), id).toBe(true);
    }
    const { manifest, documents } = await loadExport(path.join(cwd, 'out'));
    expect(documents.map((document) => document.id)).toEqual(manifest.documents.map((entry) => entry.id));
    const schema = JSON.parse(readFileSync(path.join(cwd, 'out/json/qa-document.schema.json'), 'utf8')) as { $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // The spool of the lint gate is gone.
    expect(Object.keys(contentOf(snapshotTree(path.join(cwd, 'out')))).filter((file) => !file.startsWith('json/') && !file.startsWith('html/'))).toEqual([]);
  });

  it('the manifest lists exactly the exported records', () => {
    const files = Object.keys(contentOf(snapshotTree(path.join(cwd, 'out/json/docs'))));
    expect(files.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...contentIds].sort());
  });

  it('with a lint error exits 1 and leaves the previous output byte-identical', async () => {
    const broken = path.join(cwd, 'broken-content');
    cpSync(path.join(cwd, 'content'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'how-to/configure-rules.md'), documentWithError());
    writeFileSync(path.join(broken, 'how-to/new-page.md'), documentWithError().replace('title: Configure qadocs rules', 'title: A new page'));
    const before = snapshotTree(path.join(cwd, 'out'));
    const run = await runQadocs(['build', 'broken-content', '--out', 'out'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toContain('citation/undefined');
    expect(run.stderr).toContain('how-to/configure-rules.md');
    const after = snapshotTree(path.join(cwd, 'out'));
    expect(contentOf(after)).toEqual(contentOf(before));
    expect(touchedFiles(before, after)).toEqual([]);
  });

  it('with a lint error into a new output folder leaves no folder behind', async () => {
    const broken = path.join(cwd, 'broken-new-folder');
    cpSync(path.join(cwd, 'content'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'how-to/configure-rules.md'), documentWithError());
    const run = await runQadocs(['build', 'broken-new-folder', '--out', 'never/made'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toContain('nothing exported (never/made is unchanged)');
    expect(existsSync(path.join(cwd, 'never'))).toBe(false);
  });
});

describe('qadocs export', () => {
  it('--format json writes no HTML', async () => {
    const run = await runQadocs(['export', 'content', '--out', 'json-only', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(existsSync(path.join(cwd, 'json-only/json/index.json'))).toBe(true);
    expect(existsSync(path.join(cwd, 'json-only/html'))).toBe(false);
    expect(readManifest('json-only')).toEqual(readManifest('out'));
  });

  it('--format html writes no JSON, and an unknown format exits 2 quoting it', async () => {
    const [html, bogus] = await Promise.all([
      runQadocs(['export', 'content', '--out', 'html-only', '--format', 'html'], { cwd }),
      runQadocs(['export', 'content', '--out', 'bogus-out', '--format', 'json,pdf'], { cwd }),
    ]);
    expect(html.code, describeRun(html)).toBe(0);
    expect(existsSync(path.join(cwd, 'html-only/html/index.html'))).toBe(true);
    expect(existsSync(path.join(cwd, 'html-only/json'))).toBe(false);
    expect(bogus.code, describeRun(bogus)).toBe(2);
    expect(bogus.stderr).toContain('"pdf"');
    expect(existsSync(path.join(cwd, 'bogus-out'))).toBe(false);
  });

  it('--ndjson writes json/documents.ndjson, one record per line in manifest order', async () => {
    const run = await runQadocs(['export', 'content', '--out', 'ndjson', '--format', 'json', '--ndjson'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    const lines = readFileSync(path.join(cwd, 'ndjson/json/documents.ndjson'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const records = lines.map((line) => JSON.parse(line) as { id: string; schemaVersion: number });
    expect(records.map((record) => record.id)).toEqual(readManifest('ndjson').documents.map((entry) => entry.id));
    for (const record of records) {
      expect(record).toEqual(JSON.parse(readFileSync(path.join(cwd, 'ndjson/json/docs', `${record.id}.json`), 'utf8')));
    }
  });

  it('a second export of unchanged input rewrites nothing; a changed document rewrites only its files and the indexes', async () => {
    const first = await runQadocs(['export', 'content', '--out', 'incremental'], { cwd });
    expect(first.code, describeRun(first)).toBe(0);
    const before = snapshotTree(path.join(cwd, 'incremental'));
    // Let the clock move on, so a rewrite would show in the mtime even on coarse file systems.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await runQadocs(['export', 'content', '--out', 'incremental'], { cwd });
    expect(second.code, describeRun(second)).toBe(0);
    expect(second.stderr).toMatch(/ 0 files written/);
    const after = snapshotTree(path.join(cwd, 'incremental'));
    expect(touchedFiles(before, after)).toEqual([]);

    const changed = path.join(cwd, 'changed-content');
    cpSync(path.join(cwd, 'content'), changed, { recursive: true });
    const page = path.join(changed, 'how-to/configure-rules.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('qadocs reads its configuration', 'qadocs always reads its configuration'));
    rmSync(path.join(changed, 'reference/cli.md'));
    const third = await runQadocs(['export', 'changed-content', '--out', 'incremental'], { cwd });
    expect(third.code, describeRun(third)).toBe(0);
    const touched = touchedFiles(after, snapshotTree(path.join(cwd, 'incremental')));
    // The search index follows the pages: its entry file and the index parts of the changed words.
    const searchIndex = touched.filter((file) => file.startsWith('html/pagefind/'));
    expect(searchIndex).toContain('html/pagefind/pagefind-entry.json');
    // The ledgers (what the export wrote) change with it, and so do the pages before and after the
    // removed reference/cli in its category (their previous/next links now skip it).
    expect(touched.filter((file) => !file.startsWith('html/pagefind/'))).toEqual([
      'html/.qadocs-files.json',
      'html/how-to/configure-rules.html',
      'html/index.html',
      'html/reference/cli.html',
      'html/reference/configuration.html',
      'html/reference/export-layout.html',
      'json/.qadocs-files.json',
      'json/docs/how-to/configure-rules.json',
      'json/docs/reference/cli.json',
      'json/index.json',
    ]);
    expect(existsSync(path.join(cwd, 'incremental/json/docs/reference/cli.json')), 'a removed document is removed').toBe(false);
    expect(readManifest('incremental').documents.map((entry) => entry.id)).not.toContain('reference/cli');
    // Three exports, each building the search index: more than the default minute on a busy machine.
  }, 300_000);

  it('two exports of the same input are byte-identical', async () => {
    const run = await runQadocs(['export', 'content', '--out', 'again'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(contentOf(snapshotTree(path.join(cwd, 'again')))).toEqual(contentOf(snapshotTree(path.join(cwd, 'out'))));
  });

  it('--shard 1/2 and 2/2 merged with merge-manifests equal a single export byte for byte', async () => {
    const shards = await Promise.all([1, 2].map((index) => runQadocs(['export', 'content', '--shard', `${index}/2`, '--out', `shard-${index}`], { cwd })));
    for (const run of shards) expect(run.code, describeRun(run)).toBe(0);
    const sizes = [1, 2].map((index) => readManifest(`shard-${index}`).documents.length);
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect(sizes[0]! + sizes[1]!).toBe(contentIds.length);

    const merge = await runQadocs(['merge-manifests', 'shard-1', 'shard-2', '--out', 'merged'], { cwd });
    expect(merge.code, describeRun(merge)).toBe(0);
    const merged = contentOf(snapshotTree(path.join(cwd, 'merged')));
    const single = contentOf(snapshotTree(path.join(cwd, 'out')));
    expect(merged['json/index.json']).toBe(single['json/index.json']);
    expect(merged['html/index.html']).toBe(single['html/index.html']);
    expect(merged).toEqual(single);
  });

  it('merge-manifests exits 2 naming a folder that is not an export', async () => {
    const run = await runQadocs(['merge-manifests', 'shard-1', 'content', '--out', 'merged-bad'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"content"');
  });
});

describe('qadocs build: the search index in parts', () => {
  it('a site of 501 pages has one part of 1,000 pages, and --low-memory writes the same index, byte for byte', async () => {
    const site = makeTempFolder('search-parts');
    for (let at = 0; at < 501; at++) {
      const name = `page-${String(at).padStart(3, '0')}`;
      mkdirSync(path.join(site, 'docs'), { recursive: true });
      writeFileSync(path.join(site, 'docs', `${name}.md`), `---\ntitle: Page ${at}\ndescription: Why page ${at} exists.\ncategory: explanation\n---\n\n## Why does page ${at} exist?\n\nIt holds the word marker${at} so a search can find it.\n`);
    }
    const parts = (out: string) => ['html/pagefind/pagefind-entry.json', 'html/pagefind/part-2/pagefind-entry.json'].filter((file) => existsSync(path.join(site, out, file)));
    const flags = ['--no-progress'];
    const byDefault = await runQadocs(['build', 'docs', '--out', 'default', ...flags], { cwd: site });
    expect(byDefault.code, describeRun(byDefault)).toBe(0);
    expect(parts('default')).toEqual(['html/pagefind/pagefind-entry.json']);
    const lowMemory = await runQadocs(['build', 'docs', '--out', 'low', '--low-memory', ...flags], { cwd: site });
    expect(lowMemory.code, describeRun(lowMemory)).toBe(0);
    expect(contentOf(snapshotTree(path.join(site, 'low/html/pagefind')))).toEqual(contentOf(snapshotTree(path.join(site, 'default/html/pagefind'))));
    expect(readFileSync(path.join(site, 'low/html/assets/search.js'), 'utf8')).toContain('const parts = [];');
  }, 120_000);
});
