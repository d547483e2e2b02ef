import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest, QaDocument } from '@qadocs/schema';
import { createExportWriter, type ExportSummary, type ExportWriterOptions } from '../src/index.js';
import { parseSeed } from './support/fixture-documents.js';
import { listFiles } from './support/output-tree.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'qadocs-export-safety-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;
/** A fresh output folder inside its own sandbox, so anything written beside it would show. */
function sandbox(): { outDir: string; sandboxDir: string } {
  const sandboxDir = path.join(scratch, `sandbox-${++runs}`);
  mkdirSync(sandboxDir);
  return { outDir: path.join(sandboxDir, 'out'), sandboxDir };
}

const base = parseSeed().record;
const recordWith = (id: string, file: string): QaDocument => ({ ...base, id, path: file, title: `Document ${file}` });
const pageOf = (record: QaDocument) => `<!doctype html><title>${record.path}</title>\n`;

async function exportRecords(outDir: string, records: QaDocument[], options: Omit<ExportWriterOptions, 'outDir'> = {}): Promise<ExportSummary> {
  const writer = await createExportWriter({ outDir, ...options });
  await Promise.all(records.map((record) => writer.add({ record, html: pageOf(record) })));
  return writer.finish();
}
const manifestIds = (outDir: string) => (JSON.parse(readFileSync(path.join(outDir, 'json/index.json'), 'utf8')) as Manifest).documents.map((entry) => entry.id);

describe('export safety', () => {
  it.each([
    ['../escape', 'it has a `..` segment'],
    ['how-to/../../escape', 'it has a `..` segment'],
    ['/etc/passwd', 'it is an absolute path'],
    ['C:/Windows/win', 'it starts with a drive letter'],
    ['a\\..\\..\\b', 'it contains a backslash'],
    ['nul\0byte', 'it contains a NUL character'],
    ['docs/con', '`con` is a reserved device name'],
    ['', 'it is empty'],
  ])('refuses the id %j and writes nothing outside the output folder', async (id, reason) => {
    const { outDir, sandboxDir } = sandbox();
    const summary = await exportRecords(outDir, [recordWith(id, 'evil.md'), recordWith('fine', 'fine.md')]);
    expect(summary.diagnostics).toEqual([{ ruleId: 'export/unsafe-id', file: 'evil.md', reason: expect.stringContaining(reason) }]);
    expect(summary.documents).toBe(1);
    expect(readdirSync(sandboxDir)).toEqual(['out']);
    expect(listFiles(outDir).filter((file) => file.includes('docs/') || (file.startsWith('html/') && !file.startsWith('html/assets')))).toEqual(['html/.qadocs-files.json', 'html/fine.html', 'html/index.html', 'json/docs/fine.json']);
  });

  it('refuses an id whose page would replace the index', async () => {
    const { outDir } = sandbox();
    const summary = await exportRecords(outDir, [recordWith('Index', 'index.md')]);
    expect(summary.diagnostics).toEqual([{ ruleId: 'export/reserved-path', file: 'index.md', reason: expect.stringContaining('`html/Index.html`') }]);
    expect(summary.documents).toBe(0);
  });

  it.each([
    ['search', 'its output `html/search.html` is a file the exporter writes itself'],
    ['Search', 'its output `html/Search.html` is a file the exporter writes itself'],
    ['index.html/x', 'its output `html/index.html/x.html` needs `html/index.html` as a folder, a file the exporter writes itself'],
    ['Search.HTML/x', 'its output `html/Search.HTML/x.html` needs `html/Search.HTML` as a folder, a file the exporter writes itself'],
    ['assets/style.css/x', 'its output `html/assets/style.css/x.html` needs `html/assets/style.css` as a folder, a file the exporter writes itself'],
    ['sitemap.xml/x', 'its output `html/sitemap.xml/x.html` needs `html/sitemap.xml` as a folder, a file the exporter writes itself'],
    ['.qadocs-files.json/x', 'its output `html/.qadocs-files.json/x.html` needs `html/.qadocs-files.json` as a folder, a file the exporter writes itself'],
    ['pagefind/pagefind', 'its output `html/pagefind/pagefind.html` is in `html/pagefind/`, the folder of the search index the exporter writes itself'],
    ['pagefind/pagefind-entry.json/x', 'its output `html/pagefind/pagefind-entry.json/x.html` is in `html/pagefind/`, the folder of the search index the exporter writes itself'],
  ])('refuses the id %j, which would take or block a file of the site, naming the file; the site and the other documents are written', async (id, reason) => {
    const { outDir } = sandbox();
    const summary = await exportRecords(outDir, [recordWith(id, 'evil.md'), recordWith('fine', 'fine.md')], { search: true, baseUrl: 'https://docs.example.com' });
    expect(summary.diagnostics).toEqual([{ ruleId: 'export/reserved-path', file: 'evil.md', reason: `Unexpected document id \`${id}\`: ${reason}, expected another id` }]);
    expect(summary.documents).toBe(1);
    expect(manifestIds(outDir)).toEqual(['fine']);
    for (const file of ['html/search.html', 'html/index.html', 'html/sitemap.xml', 'html/assets/style.css', 'html/pagefind/pagefind-entry.json', 'html/.qadocs-files.json']) {
      expect(lstatSync(path.join(outDir, file)).isFile(), file).toBe(true);
    }
    expect(readFileSync(path.join(outDir, 'html/search.html'), 'utf8')).not.toContain('evil.md');
    expect(listFiles(outDir).filter((file) => file.includes('evil') || file.includes('/x.html') || file === 'html/pagefind/pagefind.html')).toEqual([]);
  });

  describe.each([
    ['the same id', 'guide/setup', 'guide/setup', 'has the same id'],
    ['ids that differ in case', 'guide/Setup', 'guide/setup', 'case-insensitive file systems'],
    ['ids that differ in Unicode normalization', 'guide/caf\u00e9', 'guide/cafe\u0301', 'ignore Unicode normalization'],
    ['a file and a folder of the same name', 'guide', 'guide.html/setup', 'as a file and as a folder'],
  ])('two documents with %s', (_case, firstId, secondId, explanation) => {
    const first = recordWith(firstId, 'a-first.md');
    const second = recordWith(secondId, 'b-second.md');

    it('are an error naming both files, the same whatever order they arrive in', async () => {
      const outputs: Array<Map<string, string>> = [];
      for (const records of [[first, second], [second, first]]) {
        const { outDir } = sandbox();
        const summary = await exportRecords(outDir, records);
        expect(summary.diagnostics).toEqual([{ ruleId: 'export/collision', file: 'b-second.md', reason: expect.stringContaining('`a-first.md`') }]);
        expect(summary.diagnostics[0]!.reason).toContain(explanation);
        expect(manifestIds(outDir)).toEqual([firstId]);
        outputs.push(new Map(listFiles(outDir).map((file) => [file, readFileSync(path.join(outDir, file), 'utf8')])));
      }
      expect(outputs[1]).toEqual(outputs[0]);
    });
  });

  it('does not write through a symbolic link to a folder inside the output', async () => {
    const { outDir, sandboxDir } = sandbox();
    const outside = path.join(sandboxDir, 'outside');
    mkdirSync(outside);
    mkdirSync(path.join(outDir, 'html'), { recursive: true });
    symlinkSync(outside, path.join(outDir, 'html/linked'));
    const summary = await exportRecords(outDir, [recordWith('linked/page', 'linked/page.md'), recordWith('fine', 'fine.md')]);
    expect(summary.diagnostics).toEqual([{ ruleId: 'export/symlink', file: 'linked/page.md', reason: expect.stringContaining('symbolic link `html/linked`') }]);
    expect(readdirSync(outside)).toEqual([]);
    expect(manifestIds(outDir)).toEqual(['fine']);
  });

  it('replaces a symbolic link at a target file instead of writing to what it points at', async () => {
    const { outDir, sandboxDir } = sandbox();
    const victim = path.join(sandboxDir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    mkdirSync(path.join(outDir, 'html'), { recursive: true });
    symlinkSync(victim, path.join(outDir, 'html/target.html'));
    const summary = await exportRecords(outDir, [recordWith('target', 'target.md')]);
    expect(summary.diagnostics).toEqual([]);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(path.join(outDir, 'html/target.html')).isFile()).toBe(true);
  });

  it('leaves links it did not make alone: never follows them, never removes them, never descends into linked folders', async () => {
    const { outDir, sandboxDir } = sandbox();
    const outside = path.join(sandboxDir, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'precious.html'), 'keep me');
    mkdirSync(path.join(outDir, 'html'), { recursive: true });
    symlinkSync(outside, path.join(outDir, 'html/old-folder'));
    symlinkSync(path.join(outside, 'precious.html'), path.join(outDir, 'html/stale.html'));
    await exportRecords(outDir, [recordWith('fine', 'fine.md')]);
    expect(readFileSync(path.join(outside, 'precious.html'), 'utf8')).toBe('keep me');
    // No export wrote them (issue 17: only files a previous export's ledger lists are removed).
    expect(lstatSync(path.join(outDir, 'html/stale.html')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(outDir, 'html/old-folder')).isSymbolicLink()).toBe(true);
  });

  it('cleans up temporary files a killed run left behind, and leaves files it does not manage', async () => {
    const { outDir } = sandbox();
    mkdirSync(path.join(outDir, 'json/docs'), { recursive: true });
    mkdirSync(path.join(outDir, 'html'), { recursive: true });
    writeFileSync(path.join(outDir, 'json/docs/half.json.qadocs-tmp-123-0123456789ab'), '{"half');
    writeFileSync(path.join(outDir, 'html/notes.txt'), 'mine');
    await exportRecords(outDir, [recordWith('fine', 'fine.md')]);
    const files = listFiles(outDir);
    expect(files.some((file) => file.includes('qadocs-tmp'))).toBe(false);
    expect(files).toContain('html/notes.txt');
  });
});
