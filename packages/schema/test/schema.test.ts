import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/index.js';
import { loadExport, parseQaDocument, qaDocumentJsonSchema, QaDocumentValidationError, unsafeDocumentIdReason, type QaDocument } from '../src/index.js';

const at = (line: number, column: number, offset: number) => ({ line, column, offset });
const place = { start: at(1, 1, 0), end: at(1, 10, 9) };
const record: QaDocument = {
  schemaVersion: 1,
  id: 'how-to/install',
  path: 'how-to/install.md',
  hash: `sha256-${'a'.repeat(64)}`,
  title: 'Install',
  description: 'How to install the tool on a new machine.',
  category: 'how-to',
  frontmatter: { title: 'Install', tags: ['a', 'b'], nested: { n: 1 } },
  entries: [
    {
      question: 'How do I install it?',
      position: place,
      answer: {
        markdown: '1. Run it.',
        text: 'Run it.',
        sections: [{ heading: null, depth: 0, items: [{ label: null, text: 'Run it.', citations: [], children: [], position: place }], position: place }],
        summary: null,
        claims: [{ text: 'It runs[^1].', citations: ['1'], position: place }],
      },
    },
  ],
  citations: [{ label: '1', index: 1, title: 'Docs', url: 'https://example.com/docs', domain: 'example.com', text: 'Docs', referencedBy: [place], position: place }],
  provenance: { kind: 'human', tool: null, date: '2024-10-10', raw: 'Source: interview', position: place },
  furtherReading: [{ text: 'More', url: 'https://example.com', position: place }],
  stats: { words: 3, readingMinutes: 1 },
};

describe('@qadocs/schema', () => {
  it('exposes exactly its public names', () => {
    expect(Object.keys(schema).sort()).toMatchInlineSnapshot(`
      [
        "CATEGORIES",
        "QaDocumentValidationError",
        "SCHEMA_VERSION",
        "answerSchema",
        "categorySchema",
        "citationSchema",
        "claimSchema",
        "itemSchema",
        "linkSchema",
        "loadExport",
        "manifestEntrySchema",
        "manifestJsonSchema",
        "manifestSchema",
        "parseQaDocument",
        "pointSchema",
        "positionSchema",
        "provenanceSchema",
        "qaDocumentJsonSchema",
        "qaDocumentSchema",
        "qaEntrySchema",
        "sectionSchema",
        "unsafeDocumentIdReason",
      ]
    `);
  });

  it('validates a record with zod and with the generated JSON Schema alike', () => {
    expect(parseQaDocument(record)).toEqual(record);
    const validate = new Ajv2020({ strict: false }).compile(qaDocumentJsonSchema());
    expect(validate(record)).toBe(true);
    const broken = { ...record, category: 'guide' };
    expect(validate(broken)).toBe(false);
    expect(() => parseQaDocument(broken, 'doc.json')).toThrow(QaDocumentValidationError);
    expect(() => parseQaDocument(broken, 'doc.json')).toThrow(/doc\.json at `category`/);
    expect(() => parseQaDocument({ ...record, extra: true })).toThrow(QaDocumentValidationError);
  });

  it('ships the generated JSON Schema file, identical to the one computed from zod', () => {
    const file = JSON.parse(readFileSync(new URL('../generated/qa-document.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(qaDocumentJsonSchema());
    expect(file.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('loads an export folder and validates every record it lists', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qadocs-schema-'));
    mkdirSync(path.join(dir, 'json', 'docs', 'how-to'), { recursive: true });
    const entry = { id: record.id, path: record.path, title: record.title, category: record.category, hash: record.hash, entries: 1, citations: 1 };
    writeFileSync(path.join(dir, 'json', 'index.json'), JSON.stringify({ schemaVersion: 1, documents: [entry] }));
    writeFileSync(path.join(dir, 'json', 'docs', 'how-to', 'install.json'), JSON.stringify(record));
    const loaded = await loadExport(dir);
    expect(loaded.documents).toEqual([record]);
    expect((await loadExport(path.join(dir, 'json'))).manifest.documents).toEqual([entry]);
    writeFileSync(path.join(dir, 'json', 'docs', 'how-to', 'install.json'), JSON.stringify({ ...record, stats: { words: -1, readingMinutes: 0 } }));
    await expect(loadExport(dir)).rejects.toThrow(/install\.json at `stats\.words`/);
  });

  it.each([
    ['how-to/install', null],
    ['a/b/c', null],
    ['../etc/passwd', 'it has a `..` segment'],
    ['/etc/passwd', 'it is an absolute path'],
    ['C:/Windows', 'it starts with a drive letter'],
    ['a\\b', 'it contains a backslash'],
    ['a\u0000b', 'it contains a NUL character'],
    ['docs/CON', '`CON` is a reserved device name'],
    ['a//b', 'it has an empty path segment'],
    ['a./b', 'a path segment ends with a dot or a space'],
    ['', 'it is empty'],
    // Issue 17: names a reader cannot see, or that read differently from their bytes.
    ['\u200b\u200d', 'a path segment has no visible character'],
    ['how-to/\u2060', 'a path segment has no visible character'],
    ['how-to/\u202eetadpu', 'it contains a bidirectional control character (the name would read differently from its bytes)'],
    ['a\u009bb', 'it contains a control character'],
    ['\u0645\u200c\u06cc', null],
  ])('unsafeDocumentIdReason(%j) is %j', (id, reason) => {
    expect(unsafeDocumentIdReason(id)).toBe(reason);
  });
});
