import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExport, type Manifest } from '@qadocs/schema';
import { describeRun, runQadocs, spawnQadocs } from './support/run-qadocs.js';
import { GEN_CORPUS, makeTempFolder } from './support/temp-folder.js';

// Issue 6, must show: a real `qadocs export` killed with SIGKILL mid-export leaves the previous output
// readable and complete.
const cwd = makeTempFolder('crash');
const outDir = path.join(cwd, 'out');
const DOCUMENTS = 2000;
let manifestBefore: Manifest;
let changedIds: string[];

/** The output is readable and complete: every document the manifest lists exists, validates and has a whole page. */
async function expectCompleteOutput(): Promise<Manifest> {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'json/index.json'), 'utf8')) as Manifest;
  const { documents } = await loadExport(outDir);
  expect(documents.map((document) => document.id)).toEqual(manifest.documents.map((entry) => entry.id));
  for (const entry of manifest.documents) {
    const page = readFileSync(path.join(outDir, 'html', `${entry.id}.html`), 'utf8');
    expect(page.trimEnd().endsWith('</html>'), `${entry.id}.html is whole`).toBe(true);
  }
  expect(readFileSync(path.join(outDir, 'html/index.html'), 'utf8').trimEnd().endsWith('</html>')).toBe(true);
  // No file under a real (not temporary, dot-named) name is partial.
  const jsonFiles = readdirSync(path.join(outDir, 'json'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json') && !path.basename(file).startsWith('.'));
  for (const file of jsonFiles) expect(() => JSON.parse(readFileSync(path.join(outDir, 'json', file), 'utf8')), file).not.toThrow();
  return manifest;
}

beforeAll(async () => {
  execFileSync(process.execPath, [GEN_CORPUS, '--docs', String(DOCUMENTS), '--out', path.join(cwd, 'corpus')], { stdio: 'pipe' });
  const first = await runQadocs(['export', 'corpus', '--out', 'out', '--no-progress'], { cwd });
  // The generated corpus holds a few deliberately broken files: exit 1 for those, the rest exported.
  expect(first.signal, describeRun(first)).toBeNull();
  expect([0, 1], describeRun(first)).toContain(first.code);
  manifestBefore = await expectCompleteOutput();
  expect(manifestBefore.documents.length).toBeGreaterThan(DOCUMENTS * 0.9);
  // Change every tenth document: the next export rewrites their records and pages.
  changedIds = manifestBefore.documents.filter((_, index) => index % 10 === 0).map((entry) => entry.id);
  for (const entry of manifestBefore.documents.filter((_, index) => index % 10 === 0)) {
    appendFileSync(path.join(cwd, 'corpus', entry.path), '\nA paragraph added before the second export, so that its output changes.\n');
  }
}, 300_000);

describe('qadocs export killed with SIGKILL mid-export', () => {
  it('leaves the previous output readable and complete', async () => {
    const outputs = changedIds.map((id) => path.join(outDir, 'json/docs', `${id}.json`));
    const mtimes = new Map(outputs.map((file) => [file, statSync(file).mtimeMs]));
    const child = spawnQadocs(['export', 'corpus', '--out', 'out', '--no-progress'], { cwd });
    child.stdin!.end();
    child.stdout!.resume();
    child.stderr!.resume();
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    // Kill as soon as the export has staged a tenth of the changed documents beside their targets
    // (issue 17: files are staged, then committed as one): the export is then surely mid-way.
    const staged = () => readdirSync(path.join(outDir, 'json/docs'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.qadocs-tmp-\d+-[0-9a-f]{12}$/.test(file)).length;
    let stagedWhenKilled = 0;
    const startedAt = Date.now();
    while (child.exitCode === null && Date.now() - startedAt < 240_000) {
      stagedWhenKilled = staged();
      if (stagedWhenKilled >= outputs.length / 10) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    const { signal } = await ended;
    expect(signal, 'the export was killed, not finished').toBe('SIGKILL');
    expect(stagedWhenKilled, 'the kill came after the export had started writing documents').toBeGreaterThan(0);
    // Wholly the previous export: not one changed document's file was replaced.
    const rewritten = outputs.filter((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs !== mtimes.get(file));
    expect(rewritten).toEqual([]);

    const manifestAfter = await expectCompleteOutput();
    // The manifest is still the previous one: nothing is put in place before the commit.
    expect(manifestAfter).toEqual(manifestBefore);
  }, 300_000);
});
