import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '@qadocs/schema';
import { exportValidators } from './support/export-validator.js';
import { listFiles, readTree } from './support/output-tree.js';

const CHILD = path.join(import.meta.dirname, 'support/export-child.mjs');
const COUNT = 400;
const scratch = mkdtempSync(path.join(tmpdir(), 'qadocs-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** How a run of the child export ended: killed on the given stdout line, or finished. */
interface ChildRun {
  killed: boolean;
  lastLine: string;
}

/** Run the child export; SIGKILL it as soon as it prints `killOn` (if given). */
function runExport(outDir: string, variant: 'a' | 'b', pauseMs: number, killOn?: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, outDir, variant, String(COUNT), String(pauseMs)], { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastLine = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      lastLine = line;
      if (line === killOn) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, lastLine });
      else if (code === 0) resolve({ killed: false, lastLine });
      else reject(new Error(`export child exited with ${code}: ${stderr}`));
    });
  });
}

/**
 * The output is readable and complete: the manifest parses and validates, every document it lists has
 * a record that validates and a whole page, the index links only to pages that exist, and no file
 * under a real name is partial (temporary files are allowed: they are not output and get cleaned up).
 */
function expectCompleteOutput(outDir: string): Manifest {
  const validate = exportValidators(outDir);
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'json/index.json'), 'utf8')) as Manifest;
  expect(validate.manifest(manifest), JSON.stringify(validate.manifest.errors)).toBe(true);
  expect(manifest.documents.length).toBeGreaterThan(0);
  for (const entry of manifest.documents) {
    const record = JSON.parse(readFileSync(path.join(outDir, 'json/docs', `${entry.id}.json`), 'utf8')) as { id: string };
    expect(validate.record(record), `${entry.id}: ${JSON.stringify(validate.record.errors)}`).toBe(true);
    expect(record.id).toBe(entry.id);
    expect(readFileSync(path.join(outDir, 'html', `${entry.id}.html`), 'utf8').endsWith('</html>\n')).toBe(true);
  }
  const index = readFileSync(path.join(outDir, 'html/index.html'), 'utf8');
  const links = [...index.matchAll(/class="document-link" href="([^"]+)"/g)].map((match) => match[1]!);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(existsSync(path.join(outDir, 'html', decodeURIComponent(link))), link).toBe(true);
  for (const file of listFiles(outDir).filter((name) => !/\.qadocs-tmp-/.test(name))) {
    const text = readFileSync(path.join(outDir, file), 'utf8');
    if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
    if (file.endsWith('.html')) expect(text.endsWith('</html>\n'), file).toBe(true);
    if (file.endsWith('.ndjson')) for (const line of text.trimEnd().split('\n')) expect(() => JSON.parse(line), file).not.toThrow();
  }
  return manifest;
}

describe('an export killed with SIGKILL', () => {
  const reference = path.join(scratch, 'reference-b');

  beforeAll(async () => {
    expect(existsSync(path.join(import.meta.dirname, '../dist/index.js')), 'build the package first: pnpm --filter @qadocs/exporter build').toBe(true);
    await runExport(reference, 'b', 0);
  });

  it.each([
    ['early, between documents', 0.5, 'added 40'],
    ['in the middle of writing documents', 0, 'added 300'],
    ['near the end of the documents', 0, `added ${COUNT - Math.ceil(COUNT / 3) + COUNT / 4 - 1}`],
    ['while finishing (manifest, index, sweep)', 0, 'finishing'],
  ])('%s leaves the previous output readable and complete, and the next run recovers', async (_moment, pauseMs, killOn) => {
    const outDir = path.join(scratch, `killed-${killOn.replace(/\W+/g, '-')}`);
    const first = await runExport(outDir, 'a', 0);
    expect(first.killed).toBe(false);
    const previous = expectCompleteOutput(outDir);
    expect(previous.documents).toHaveLength(COUNT);

    const killed = await runExport(outDir, 'b', pauseMs, killOn);
    expect(killed.killed || killed.lastLine.startsWith('done')).toBe(true);
    const after = expectCompleteOutput(outDir);
    // Either the old manifest (the new one was never committed) or the new one, never a mix of lists.
    const newIds = JSON.parse(readFileSync(path.join(reference, 'json/index.json'), 'utf8')) as Manifest;
    expect([previous.documents.map((entry) => entry.id), newIds.documents.map((entry) => entry.id)]).toContainEqual(after.documents.map((entry) => entry.id));

    const rerun = await runExport(outDir, 'b', 0);
    expect(rerun.killed).toBe(false);
    expectCompleteOutput(outDir);
    const [recovered, expected] = [readTree(outDir), readTree(reference)];
    expect([...recovered.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(recovered.get(file)!.equals(bytes), file).toBe(true);
    // Three exports of 400 documents in child processes: a limit a busy machine does not break.
  }, 300_000);
});
