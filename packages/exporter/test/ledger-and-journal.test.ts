import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { QaDocument } from '@qadocs/schema';
import { createExportWriter, OutputFolderError, type ExportSummary } from '../src/index.js';
import { parseSeed } from './support/fixture-documents.js';

// Issue 17, items 1 and 2 at the writer: what a ledger or a journal in the output folder says is
// input like any other. Entries that leave the format folder, go through links, or name files that
// are no longer what the export wrote are never acted on.
const scratch = mkdtempSync(path.join(tmpdir(), 'qadocs-ledger-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;
function sandbox(): { outDir: string; precious: string } {
  const dir = path.join(scratch, `sandbox-${++runs}`);
  mkdirSync(path.join(dir, 'precious'), { recursive: true });
  for (const name of ['a.html', 'b.json']) writeFileSync(path.join(dir, 'precious', name), 'keep me');
  return { outDir: path.join(dir, 'out'), precious: path.join(dir, 'precious') };
}

const base = parseSeed().record;
const recordWith = (id: string): QaDocument => ({ ...base, id, path: `${id}.md`, title: `Document ${id}` });
async function exportIds(outDir: string, ids: string[]): Promise<ExportSummary> {
  const writer = await createExportWriter({ outDir });
  for (const id of ids) await writer.add({ record: recordWith(id), html: `<!doctype html><title>${id}</title>\n` });
  return writer.finish();
}
const expectPrecious = (precious: string) => {
  for (const name of ['a.html', 'b.json']) expect(readFileSync(path.join(precious, name), 'utf8'), name).toBe('keep me');
};

describe('the ledger', () => {
  it('ignores entries outside its format folder, absolute or through `..`', async () => {
    const { outDir, precious } = sandbox();
    await exportIds(outDir, ['one', 'two']);
    const ledgerPath = path.join(outDir, 'html/.qadocs-files.json');
    const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8')) as { files: Record<string, string> };
    const print = ledger.files['html/one.html']!;
    Object.assign(ledger.files, { 'html/../../precious/a.html': print, [path.join(precious, 'a.html')]: print, 'json/../../precious/b.json': print, 'json/docs/../../../precious/b.json': print });
    writeFileSync(ledgerPath, JSON.stringify(ledger));
    const summary = await exportIds(outDir, ['one']);
    expect(summary.removed).toBe(2);
    expectPrecious(precious);
  });

  it('does not remove a listed file replaced by a link, nor one inside a folder replaced by a link', async () => {
    const { outDir, precious } = sandbox();
    await exportIds(outDir, ['one', 'two', 'deep/three']);
    unlinkSync(path.join(outDir, 'html/two.html'));
    symlinkSync(path.join(precious, 'a.html'), path.join(outDir, 'html/two.html'));
    renameSync(path.join(outDir, 'json/docs/deep'), path.join(outDir, 'moved-deep'));
    mkdirSync(path.join(precious, 'deep'));
    writeFileSync(path.join(precious, 'deep/three.json'), 'keep me');
    symlinkSync(path.join(precious), path.join(outDir, 'json/docs/deep'));
    await exportIds(outDir, ['one']);
    expect(lstatSync(path.join(outDir, 'html/two.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(precious, 'deep/three.json'), 'utf8')).toBe('keep me');
    expectPrecious(precious);
  });
});

describe('the commit journal', () => {
  it('a journal that names paths outside the output is not acted on', async () => {
    const { outDir, precious } = sandbox();
    await exportIds(outDir, ['one']);
    writeFileSync(path.join(precious, 'a.html.qadocs-tmp-1-0123456789ab'), 'replacement');
    const journal = { qadocsCommit: 1, renames: [['html/../../precious/a.html', '.qadocs-tmp-1-0123456789ab']], removals: [['json/../../precious/b.json', null, null]] };
    writeFileSync(path.join(outDir, 'json/.qadocs-commit.json'), JSON.stringify(journal));
    await exportIds(outDir, ['one', 'two']);
    expectPrecious(precious);
  });

  it('a journal left by a killed commit is completed before the next run does anything', async () => {
    const { outDir } = sandbox();
    await exportIds(outDir, ['one', 'two']);
    // What a commit killed after its journal and first rename leaves: one staged page, one listed removal.
    writeFileSync(path.join(outDir, 'html/one.html.qadocs-tmp-1-0123456789ab'), 'the new page of one\n');
    const journal = { qadocsCommit: 1, renames: [['html/one.html', '.qadocs-tmp-1-0123456789ab']], removals: [['html/two.html', null, null]] };
    writeFileSync(path.join(outDir, 'json/.qadocs-commit.json'), JSON.stringify(journal));
    // The next writer completes it on creation; abandoned, it adds nothing of its own.
    await (await createExportWriter({ outDir })).abandon();
    expect(readFileSync(path.join(outDir, 'html/one.html'), 'utf8')).toBe('the new page of one\n');
    expect(existsSync(path.join(outDir, 'html/two.html'))).toBe(false);
    expect(existsSync(path.join(outDir, 'json/.qadocs-commit.json'))).toBe(false);
    expect(existsSync(path.join(outDir, 'html/one.html.qadocs-tmp-1-0123456789ab'))).toBe(false);
  });
});

describe('an output folder that cannot hold an export', () => {
  it.each([
    ['the output folder is a file', (outDir: string) => writeFileSync(outDir, 'x'), 'it is a file'],
    ['html is a link', (outDir: string) => (mkdirSync(outDir), symlinkSync(scratch, path.join(outDir, 'html'))), '`html` in the output folder'],
    ['json is a file', (outDir: string) => (mkdirSync(outDir), writeFileSync(path.join(outDir, 'json'), 'x')), '`json` in the output folder'],
  ])('%s: createExportWriter rejects with OutputFolderError', async (_name, prepare, message) => {
    const { outDir } = sandbox();
    prepare(outDir);
    const created = createExportWriter({ outDir });
    await expect(created).rejects.toBeInstanceOf(OutputFolderError);
    await expect(created).rejects.toThrow(message);
  });
});
