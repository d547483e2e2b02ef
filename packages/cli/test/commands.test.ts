import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QaDocument } from '@qadocs/schema';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument, writeFiles } from './support/sample-documents.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

const base = makeTempFolder('commands');
const CATEGORIES = ['tutorial', 'how-to', 'reference', 'explanation'];

describe('qadocs parse', () => {
  const cwd = path.join(base, 'parse');

  beforeAll(() => {
    writeFiles(cwd, {
      'docs/a-reference.md': readFileSync(REFERENCE_DOCUMENT),
      'docs/b-clean.md': cleanDocument(),
      // Invalid UTF-8 in the middle of the text: a fatal `input/encoding` for this file only.
      'docs/c-bytes.md': Buffer.concat([Buffer.from('---\ntitle: Bytes\n---\n\nWhat is '), Buffer.from([0xc3, 0x28]), Buffer.from('?\n')]),
    });
  });

  it('prints a JSON array of QaDocument records, one per file', async () => {
    const run = await runQadocs(['parse', 'docs/a-reference.md', 'docs/b-clean.md'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    const records = JSON.parse(run.stdout) as QaDocument[];
    // Two files given: paths are relative to the working directory.
    expect(records.map((record) => record.path)).toEqual(['docs/a-reference.md', 'docs/b-clean.md']);
    for (const record of records) {
      expect(record.schemaVersion).toBe(2);
      expect(record.$schema).toBe('https://qadocs.dev/schema/v2/qa-document.schema.json');
      expect(record.classification?.evidence).toEqual(expect.any(Array));
      expect(record.hash).toMatch(/^sha256-[0-9a-f]{64}$/);
      expect(record.entries.length).toBeGreaterThan(0);
    }
    expect(records[0]!.entries[0]!.question).toBe("What's the difference between azure compute gallery and azure container registry?");
    expect(records[0]!.citations).toHaveLength(3);
  });

  it('exits 1 when a file is fatal, names it on stderr and still prints the good records', async () => {
    const run = await runQadocs(['parse', 'docs'], { cwd });
    expect(run.code, describeRun(run)).toBe(1);
    const records = JSON.parse(run.stdout) as QaDocument[];
    // One folder given: it is the root.
    expect(records.map((record) => record.path)).toEqual(['a-reference.md', 'b-clean.md']);
    expect(run.stderr).toMatch(/docs\/c-bytes\.md:5:9: error .*input\/encoding/);
  });
});

describe('qadocs classify', () => {
  it('--format json prints {filePath, declared, predicted, confidence, evidence} per file', async () => {
    const cwd = path.join(base, 'classify');
    writeFiles(cwd, { 'docs/how-to.md': cleanDocument(), 'docs/reference-document.md': readFileSync(REFERENCE_DOCUMENT) });
    const run = await runQadocs(['classify', 'docs', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    const reports = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      expect(Object.keys(report).sort()).toEqual(['confidence', 'declared', 'evidence', 'filePath', 'predicted']);
      expect(report.predicted === null || CATEGORIES.includes(report.predicted as string)).toBe(true);
      expect(report.declared === null || CATEGORIES.includes(report.declared as string)).toBe(true);
      // A confidence only beside a prediction; null beside a null prediction.
      if (report.predicted === null) expect(report.confidence).toBeNull();
      else {
        expect(typeof report.confidence).toBe('number');
        expect(report.confidence as number).toBeGreaterThanOrEqual(0);
        expect(report.confidence as number).toBeLessThanOrEqual(1);
      }
      expect(Array.isArray(report.evidence) && (report.evidence as unknown[]).every((item) => typeof item === 'string')).toBe(true);
    }
    const [howTo, reference] = reports;
    // Absolute, as `lint --format json` writes it.
    expect(howTo).toMatchObject({ filePath: path.join(cwd, 'docs/how-to.md'), declared: 'how-to', predicted: 'how-to' });
    expect((howTo!.evidence as string[]).length).toBeGreaterThan(0);
    expect(reference).toMatchObject({ filePath: path.join(cwd, 'docs/reference-document.md'), declared: null });

    const again = await runQadocs(['classify', 'docs', '--format', 'json'], { cwd });
    expect(again.stdout, 'deterministic').toBe(run.stdout);
  });

  it('gives a null prediction a null confidence, in JSON and text', async () => {
    const cwd = path.join(base, 'classify-null');
    writeFiles(cwd, { 'docs/short.md': '# Why?\n\nBecause.\n' });
    const run = await runQadocs(['classify', 'docs', '--format', 'json'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ filePath: path.join(cwd, 'docs/short.md'), declared: null, predicted: null, confidence: null, evidence: [] }]);
    const text = await runQadocs(['classify', 'docs'], { cwd });
    expect(text.stdout).toBe('docs/short.md: unclear, no category declared\n');
  });

  it('prints a line per file in the default text format, and exits 2 for an unknown format', async () => {
    const cwd = path.join(base, 'classify');
    const [text, bogus] = await Promise.all([runQadocs(['classify', 'docs'], { cwd }), runQadocs(['classify', 'docs', '--format', 'bogus'], { cwd })]);
    expect(text.code, describeRun(text)).toBe(0);
    expect(text.stdout).toMatch(/^docs\/how-to\.md: how-to \(\d+ %\), declared how-to$/m);
    expect(bogus.code, describeRun(bogus)).toBe(2);
    expect(bogus.stderr).toContain('"bogus"');
  });
});

describe('qadocs explain', () => {
  const cwd = base;

  it("prints a rule's documentation, rendered for a terminal", async () => {
    const run = await runQadocs(['explain', 'citation/malformed'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toMatch(/^citation\/malformed$/m);
    for (const section of ['Rationale', 'How to fix', 'Options', 'When not to use it']) expect(run.stdout).toMatch(new RegExp(`^${section}\n─+$`, 'm'));
  });

  it("--markdown prints the rule's docs page as published", async () => {
    const run = await runQadocs(['explain', 'citation/malformed', '--markdown'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toMatch(/^# citation\/malformed$/m);
    for (const section of ['## Rationale', '## How to fix', '## Options', '## When not to use it']) expect(run.stdout).toContain(section);
  });

  it('exits 2 quoting an unknown rule', async () => {
    const run = await runQadocs(['explain', 'nope'], { cwd });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain('"nope"');
    expect(run.stdout).toBe('');
  });

  it('--list lists every rule of the SPEC with its severity', async () => {
    const run = await runQadocs(['explain', '--list'], { cwd });
    expect(run.code, describeRun(run)).toBe(0);
    const ids = run.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/)[0]);
    for (const id of ['frontmatter/unsafe-engine', 'citation/malformed', 'diataxis/category', 'provenance/date-format', 'structure/heading-emphasis', 'content/hidden-characters', 'input/timeout']) {
      expect(ids).toContain(id);
    }
    expect(run.stdout).toMatch(/^citation\/malformed +error +fixable +\S/m);
  });
});

describe('qadocs init', () => {
  it('writes a starter qadocs.config.json that lint accepts, and a second init exits 2 without touching it', async () => {
    const cwd = path.join(base, 'init');
    writeFiles(cwd, { 'content/how-to/clean.md': cleanDocument() });
    const first = await runQadocs(['init'], { cwd });
    expect(first.code, describeRun(first)).toBe(0);
    const file = path.join(cwd, 'qadocs.config.json');
    expect(existsSync(file)).toBe(true);
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ extends: 'recommended', contentRoot: 'content' });

    const lint = await runQadocs(['lint'], { cwd });
    expect(lint.code, describeRun(lint)).toBe(0);

    // Make the file recognisably the user's: a second init must not replace it.
    writeFileSync(file, `${JSON.stringify({ ...config, rules: { 'citation/order': 'error' } }, null, 2)}\n`);
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const second = await runQadocs(['init'], { cwd });
    expect(second.code, describeRun(second)).toBe(2);
    expect(second.stderr).toContain('qadocs.config.json');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });
});
