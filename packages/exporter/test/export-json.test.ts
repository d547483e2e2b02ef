import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExport, type Manifest } from '@qadocs/schema';
import { exportDocuments } from '../src/index.js';
import { exportValidators } from './support/export-validator.js';
import { parseContentDocuments } from './support/fixture-documents.js';
import { listFiles, modificationTimes, readTree } from './support/output-tree.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'qadocs-export-json-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;
const freshDir = () => path.join(scratch, `run-${++runs}`);
const documents = await parseContentDocuments();
const readManifest = (outDir: string) => JSON.parse(readFileSync(path.join(outDir, 'json/index.json'), 'utf8')) as Manifest;

describe('the JSON export', () => {
  it('writes records that validate against the exported JSON Schema, and a manifest of exactly them', async () => {
    const outDir = freshDir();
    const summary = await exportDocuments(documents, { outDir, ndjson: true });
    expect(summary.diagnostics).toEqual([]);
    expect(summary.documents).toBe(documents.length);
    const validate = exportValidators(outDir);
    const manifest = readManifest(outDir);
    expect(validate.manifest(manifest), JSON.stringify(validate.manifest.errors)).toBe(true);
    expect(manifest.$schema).toBe('https://qadocs.dev/schema/v2/index.schema.json');

    const ids = documents.map((document) => document.record.id).sort();
    expect(manifest.documents.map((entry) => entry.id)).toEqual(ids);
    const files = listFiles(outDir);
    expect(files.filter((file) => file.startsWith('json/docs/'))).toEqual(ids.map((id) => `json/docs/${id}.json`).sort());
    expect(files.filter((file) => file.startsWith('html/') && file !== 'html/index.html' && file.endsWith('.html'))).toEqual(ids.map((id) => `html/${id}.html`).sort());
    expect(files).toEqual(expect.arrayContaining(['json/index.json', 'json/index.schema.json', 'json/qa-document.schema.json', 'json/documents.ndjson', 'html/index.html', 'html/assets/style.css']));

    for (const entry of manifest.documents) {
      expect(entry.recordPath).toBe(`docs/${entry.id}.json`);
      const record = JSON.parse(readFileSync(path.join(outDir, 'json', entry.recordPath), 'utf8')) as { $schema: string; id: string; hash: string; entries: unknown[]; citations: unknown[] };
      expect(validate.record(record), `${entry.id}: ${JSON.stringify(validate.record.errors)}`).toBe(true);
      expect(record.$schema).toBe('https://qadocs.dev/schema/v2/qa-document.schema.json');
      expect([record.id, record.hash, record.entries.length, record.citations.length]).toEqual([entry.id, entry.hash, entry.entryCount, entry.citationCount]);
    }
    const lines = readFileSync(path.join(outDir, 'json/documents.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(ids);
    expect(JSON.parse(lines[0]!)).toEqual(JSON.parse(readFileSync(path.join(outDir, 'json/docs', `${ids[0]}.json`), 'utf8')));
  });

  it('is read back by @qadocs/schema loadExport as typed, validated records', async () => {
    const outDir = freshDir();
    await exportDocuments(documents, { outDir });
    const loaded = await loadExport(outDir);
    expect(loaded.documents.map((document) => document.id)).toEqual(loaded.manifest.documents.map((entry) => entry.id));
    expect(loaded.documents.find((document) => document.id === 'faq/export')?.entries).toHaveLength(3);
  });

  it('gives byte-identical output for the same input, in any order', async () => {
    const [first, second] = [freshDir(), freshDir()];
    await exportDocuments(documents, { outDir: first, ndjson: true });
    await exportDocuments([...documents].reverse(), { outDir: second, ndjson: true });
    const [a, b] = [readTree(first), readTree(second)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes), file).toBe(true);
  });

  it('rewrites nothing when run again on unchanged input (mtimes kept)', async () => {
    const outDir = freshDir();
    const first = await exportDocuments(documents, { outDir, ndjson: true });
    expect(first.unchanged).toBe(0);
    // Move every file into the past so a rewrite within the same clock tick would still show.
    const past = new Date('2001-02-03T04:05:06Z');
    for (const file of listFiles(outDir)) utimesSync(path.join(outDir, file), past, past);
    const before = modificationTimes(outDir);
    const second = await exportDocuments(documents, { outDir, ndjson: true });
    expect(second).toMatchObject({ written: 0, unchanged: first.written, removed: 0, documents: documents.length });
    expect(modificationTimes(outDir)).toEqual(before);
  });

  it('rewrites only what a changed document touches', async () => {
    const outDir = freshDir();
    await exportDocuments(documents, { outDir });
    const changed = documents.map((document) =>
      document.record.id === 'tutorial/first-export' ? { ...document, record: { ...document.record, hash: `sha256-${'0'.repeat(64)}` } } : document,
    );
    const summary = await exportDocuments(changed, { outDir });
    // The record and the manifest change; the page and the index do not show the hash.
    expect(summary).toMatchObject({ written: 2, removed: 0 });
  });

  it('removes the files of documents that are no longer exported, and their empty folders', async () => {
    const outDir = freshDir();
    await exportDocuments(documents, { outDir, ndjson: true });
    const remaining = documents.filter((document) => document.record.id !== 'tutorial/first-export');
    const summary = await exportDocuments(remaining, { outDir, ndjson: true });
    expect(summary.removed).toBe(2);
    const files = listFiles(outDir);
    expect(files.some((file) => file.includes('tutorial'))).toBe(false);
    expect(readManifest(outDir).documents.map((entry) => entry.id)).not.toContain('tutorial/first-export');
    expect(readFileSync(path.join(outDir, 'html/index.html'), 'utf8')).not.toContain('first-export');
    expect(readFileSync(path.join(outDir, 'json/documents.ndjson'), 'utf8')).not.toContain('"tutorial/first-export"');
    const withoutNdjson = await exportDocuments(remaining, { outDir });
    expect(withoutNdjson.removed).toBe(1);
    expect(listFiles(outDir)).not.toContain('json/documents.ndjson');
  });

  it('writes only the formats asked for, and leaves the other alone', async () => {
    const outDir = freshDir();
    await exportDocuments(documents, { outDir, formats: ['json'] });
    expect(listFiles(outDir).every((file) => file.startsWith('json/'))).toBe(true);
    await exportDocuments(documents, { outDir, formats: ['html'] });
    const files = listFiles(outDir);
    expect(files).toContain('json/index.json');
    expect(files).toContain('html/index.html');
    const htmlOnly = await exportDocuments(documents.slice(1), { outDir, formats: ['html'] });
    expect(htmlOnly.removed).toBe(1);
    expect(readManifest(outDir).documents).toHaveLength(documents.length);
  });

  it('dates the index only when SOURCE_DATE_EPOCH is given', async () => {
    const [undated, dated] = [freshDir(), freshDir()];
    await exportDocuments(documents, { outDir: undated, sourceDateEpoch: null });
    await exportDocuments(documents, { outDir: dated, sourceDateEpoch: '1700000000' });
    expect(readFileSync(path.join(undated, 'html/index.html'), 'utf8')).not.toContain('<time');
    expect(readFileSync(path.join(dated, 'html/index.html'), 'utf8')).toContain('<time datetime="2023-11-14">2023-11-14</time>');
    expect(readFileSync(path.join(dated, 'json/index.json'))).toEqual(readFileSync(path.join(undated, 'json/index.json')));
  });

  it('groups the index by category with counts, uncategorized last', async () => {
    const outDir = freshDir();
    await exportDocuments(documents, { outDir });
    const index = readFileSync(path.join(outDir, 'html/index.html'), 'utf8');
    const headings = [...index.matchAll(/<section class="category" id="([^"]+)"/g)].map((match) => match[1]);
    expect(headings).toEqual(['tutorial', 'how-to', 'reference', 'explanation', 'uncategorized']);
    expect(index).toContain('How-to guides <span class="count">(1)</span>');
    expect(index).toContain('Uncategorized <span class="count">(1)</span>');
  });

  it('skips documents the parser could not read, with a diagnostic', async () => {
    const outDir = freshDir();
    const { parseDocument } = await import('@qadocs/parser');
    const broken = parseDocument(new Uint8Array([0x48, 0xff, 0xfe, 0x00]), { path: 'broken.md' });
    const summary = await exportDocuments([...documents, broken], { outDir });
    expect(summary.diagnostics).toEqual([{ ruleId: 'export/unparsable', file: 'broken.md', reason: expect.stringContaining('input/encoding') }]);
    expect(summary.documents).toBe(documents.length);
  });
});
