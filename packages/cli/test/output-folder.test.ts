import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentOf, snapshotTree } from './support/file-tree.js';
import { describeRun, runQadocs, type QadocsRun } from './support/run-qadocs.js';
import { copyContent, makeTempFolder } from './support/temp-folder.js';

// Issue 17, item 15 (output folders): an output folder that cannot hold an export, and a shard whose
// manifest points elsewhere, are usage errors with one clear line (exit 2), never a stack trace, and
// nothing is read or written outside the folders involved.
const cwd = makeTempFolder('output-folder');

function expectUsageError(run: QadocsRun, message: string): void {
  expect(run.code, describeRun(run)).toBe(2);
  expect(run.stderr).toContain(message);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  copyContent(cwd, 'content');
  const shard = await runQadocs(['export', 'content', '--out', 'shard-1', '--shard', '1/2', '--no-progress'], { cwd });
  expect(shard.code, describeRun(shard)).toBe(0);
});

describe('--out that cannot hold an export', () => {
  it.each(['export', 'build'])('%s --out naming a file exits 2 and leaves the file alone', async (command) => {
    writeFileSync(path.join(cwd, 'a-file'), 'not a folder\n');
    expectUsageError(await runQadocs([command, 'content', '--out', 'a-file', '--no-progress'], { cwd }), 'it is a file, expected a folder');
    expect(readFileSync(path.join(cwd, 'a-file'), 'utf8')).toBe('not a folder\n');
  }, 300_000);

  it.each(['html', 'json'])('a symbolic link `%s` inside --out exits 2 and nothing is written through it', async (format) => {
    const out = path.join(cwd, `linked-${format}`);
    const elsewhere = path.join(cwd, `elsewhere-${format}`);
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(out, format));
    expectUsageError(await runQadocs(['export', 'content', '--out', `linked-${format}`, '--no-progress'], { cwd }), `Unexpected \`${format}\` in the output folder`);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(out)).toEqual([format]);
  }, 300_000);

  it.each(['export', 'build'])("%s --out '' exits 2 and does not export into the current folder", async (command) => {
    const here = path.join(cwd, `empty-out-${command}`);
    copyContent(here, 'content');
    const before = snapshotTree(here);
    expectUsageError(await runQadocs([command, 'content', '--out', '', '--no-progress'], { cwd: here }), 'Unexpected --out "", expected the name of an output folder');
    expect(existsSync(path.join(here, 'json'))).toBe(false);
    expect(existsSync(path.join(here, 'html'))).toBe(false);
    expect(contentOf(snapshotTree(here))).toEqual(contentOf(before));
  }, 300_000);
});

describe('merge-manifests reads only inside each shard', () => {
  /** A copy of shard-1 whose manifest lists `id` first (its files are the shard's own). */
  async function hostileShard(name: string, id: string): Promise<void> {
    const copy = await runQadocs(['export', 'content', '--out', name, '--shard', '1/2', '--no-progress'], { cwd });
    expect(copy.code, describeRun(copy)).toBe(0);
    const manifestPath = path.join(cwd, name, 'json/index.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { documents: Array<{ id: string }> };
    manifest.documents.unshift({ ...manifest.documents[0]!, id });
    writeFileSync(manifestPath, JSON.stringify(manifest));
  }

  it.each([
    ['../../../private/secret', 'it has a `..` segment'],
    ['/etc/hostname', 'it is an absolute path'],
  ])('an id %j in a shard manifest exits 2 naming it; nothing outside is read and no output is made', async (id, reason) => {
    mkdirSync(path.join(cwd, 'private'), { recursive: true });
    writeFileSync(path.join(cwd, 'private/secret.json'), '{"secret": "do not read"}');
    writeFileSync(path.join(cwd, 'private/secret.html'), 'do not read');
    const shard = `hostile-${reason.replace(/\W+/g, '-')}`;
    await hostileShard(shard, id);
    const run = await runQadocs(['merge-manifests', shard, 'shard-1', '--out', `${shard}-merged`], { cwd });
    expectUsageError(run, `Unexpected document id ${JSON.stringify(id)} in the manifest of shard "${shard}": ${reason}`);
    expect(run.stderr).not.toContain('do not read');
    expect(existsSync(path.join(cwd, `${shard}-merged`))).toBe(false);
  }, 300_000);

  it('a shard whose json/docs is a link out of it exits 2; the linked folder is not read', async () => {
    await hostileShard('linked-docs', 'secret');
    const docs = path.join(cwd, 'linked-docs/json/docs');
    // Replace json/docs by a link to the private folder, which holds secret.json.
    rmSync(docs, { recursive: true });
    symlinkSync(path.join(cwd, 'private'), docs);
    const run = await runQadocs(['merge-manifests', 'linked-docs', '--out', 'linked-docs-merged'], { cwd });
    expectUsageError(run, 'a folder on its way is a symbolic link');
    expect(existsSync(path.join(cwd, 'linked-docs-merged'))).toBe(false);
  }, 300_000);

  it("merge-manifests --out '' exits 2", async () => {
    expectUsageError(await runQadocs(['merge-manifests', 'shard-1', '--out', ''], { cwd }), 'Unexpected --out ""');
    expect(existsSync(path.join(cwd, 'json'))).toBe(false);
  }, 300_000);
});
