import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { QaDocument } from '@qadocs/schema';
import { createExportWriter, type ExportSummary, type ExportWriter } from '../src/index.js';
import { parseSeed } from './support/fixture-documents.js';
import { listFiles, modificationTimes, readTree } from './support/output-tree.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'qadocs-deferred-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;
const freshDir = (name: string) => path.join(scratch, `${name}-${++runs}`);

const base = parseSeed().record;
const recordWith = (id: string, file: string, title = `Document ${file}`): QaDocument => ({ ...base, id, path: file, title });
const pageOf = (record: QaDocument) => `<!doctype html><title>${record.title}</title>\n`;
const TEMPORARY = /\.qadocs-tmp-/;

const firstRecords = [recordWith('guide/setup', 'guide/setup.md'), recordWith('guide/usage', 'guide/usage.md'), recordWith('faq', 'faq.md')];
// The second run changes one document, drops one, and adds one in a folder the first run did not have.
const secondRecords = [recordWith('guide/setup', 'guide/setup.md', 'Setup, revised'), recordWith('faq', 'faq.md'), recordWith('new-area/deep/page', 'new-area/deep/page.md')];

async function addAll(writer: ExportWriter, records: QaDocument[]): Promise<void> {
  await Promise.all(records.map((record) => writer.add({ record, html: pageOf(record) })));
}

async function exportRecords(outDir: string, records: QaDocument[], deferred: boolean): Promise<ExportSummary> {
  const writer = await createExportWriter({ outDir, deferred });
  await addAll(writer, records);
  return writer.finish();
}

/** Every entry under a folder, folders included (an abandoned run must not leave an empty one behind). */
function listEntries(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).map((entry) => entry.split(path.sep).join('/')).sort();
}

describe('a deferred export writer', () => {
  it('leaves every target as it was until finish(), then writes what an immediate writer writes', async () => {
    const deferredDir = freshDir('deferred');
    const immediateDir = freshDir('immediate');
    await exportRecords(deferredDir, firstRecords, true);
    await exportRecords(immediateDir, firstRecords, false);
    const before = readTree(deferredDir);

    const writer = await createExportWriter({ outDir: deferredDir, deferred: true });
    await addAll(writer, secondRecords);
    const staged = readTree(deferredDir);
    for (const [file, bytes] of before) expect(staged.get(file), file).toEqual(bytes);
    expect(listFiles(deferredDir).filter((file) => !TEMPORARY.test(file))).toEqual([...before.keys()]);
    // Staged: the changed and the new document, json and html each; the unchanged one is not rewritten.
    expect(listFiles(deferredDir).filter((file) => TEMPORARY.test(file))).toHaveLength(4);

    const summary = await writer.finish();
    const immediate = await exportRecords(immediateDir, secondRecords, false);
    expect(summary).toEqual(immediate);
    expect(summary).toMatchObject({ documents: 3, written: 6, removed: 2 });
    expect(readTree(deferredDir)).toEqual(readTree(immediateDir));
    expect(listFiles(deferredDir).filter((file) => TEMPORARY.test(file))).toEqual([]);
  });

  it('abandon() leaves the previous output byte-identical and untouched, with no staged file or new folder left', async () => {
    const outDir = freshDir('abandoned');
    await exportRecords(outDir, firstRecords, true);
    const entries = listEntries(outDir);
    const bytes = readTree(outDir);
    const times = modificationTimes(outDir);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const writer = await createExportWriter({ outDir, deferred: true });
    await addAll(writer, secondRecords);
    expect(existsSync(path.join(outDir, 'html/new-area/deep'))).toBe(true);
    await writer.abandon();

    expect(listEntries(outDir)).toEqual(entries);
    expect(readTree(outDir)).toEqual(bytes);
    expect(modificationTimes(outDir)).toEqual(times);
    await expect(writer.add({ record: firstRecords[0]!, html: pageOf(firstRecords[0]!) })).rejects.toThrow('Unexpected add() after abandon()');
    await expect(writer.finish()).rejects.toThrow('Unexpected finish() after abandon()');
  });

  it('a run stopped before finish() or abandon() (killed) leaves only staged files, which the next export removes', async () => {
    const outDir = freshDir('killed');
    await exportRecords(outDir, firstRecords, true);
    const previous = readTree(outDir);
    const killed = await createExportWriter({ outDir, deferred: true });
    await addAll(killed, secondRecords);
    const left = readTree(outDir);
    expect([...left.keys()].filter((file) => !TEMPORARY.test(file))).toEqual([...previous.keys()]);
    for (const [file, bytes] of previous) expect(left.get(file), file).toEqual(bytes);

    await exportRecords(outDir, secondRecords, true);
    expect(listFiles(outDir).filter((file) => TEMPORARY.test(file))).toEqual([]);
  });

  it('abandon() removes the output folder and the parents that it created, and keeps one that existed', async () => {
    const created = freshDir('created');
    const writer = await createExportWriter({ outDir: path.join(created, 'nested', 'site'), deferred: true });
    await addAll(writer, firstRecords);
    await writer.abandon();
    expect(existsSync(created)).toBe(false);
    expect(existsSync(scratch)).toBe(true);

    const existing = freshDir('existing');
    mkdirSync(existing);
    const second = await createExportWriter({ outDir: existing, deferred: true });
    await addAll(second, firstRecords);
    await second.abandon();
    expect(readdirSync(existing)).toEqual([]);
  });

  it.each([
    ['the same id', 'guide/setup', 'guide/setup'],
    ['ids that differ in case', 'guide/Setup', 'guide/setup'],
  ])('settles collisions (%s) as an immediate writer does, in either arrival order', async (_name, firstId, secondId) => {
    const records = [recordWith(firstId, 'a.md'), recordWith(secondId, 'b.md')];
    for (const order of [records, [...records].reverse()]) {
      const deferredDir = freshDir('collision-deferred');
      const immediateDir = freshDir('collision-immediate');
      const deferred = await exportRecords(deferredDir, order, true);
      expect(deferred).toEqual(await exportRecords(immediateDir, order, false));
      expect(deferred.diagnostics).toEqual([{ ruleId: 'export/collision', file: 'b.md', reason: expect.any(String) }]);
      expect(readTree(deferredDir)).toEqual(readTree(immediateDir));
      expect(listFiles(deferredDir).filter((file) => TEMPORARY.test(file))).toEqual([]);
    }
  });
});
