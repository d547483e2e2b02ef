import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/index.js';
import { loadExport, manifestJsonSchema, parseQaDocument, QA_DOCUMENT_SCHEMA_ID, MANIFEST_SCHEMA_ID, qaDocumentJsonSchema, QaDocumentValidationError, unsafeDocumentIdReason, type Manifest, type QaDocument } from '../src/index.js';

const at = (line: number, column: number, offset: number) => ({ line, column, offset });
const place = { start: at(1, 1, 0), end: at(1, 10, 9) };
const record: QaDocument = {
  $schema: QA_DOCUMENT_SCHEMA_ID,
  schemaVersion: 2,
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
        sections: [{ heading: null, depth: 0, items: [{ label: null, text: 'Run it.', citations: [], children: [], position: place }], citations: ['1'], position: place }],
        summary: null,
        claims: [{ text: 'It runs[^1].', citations: ['1'], position: place }],
      },
      citations: ['1'],
    },
  ],
  citations: [{ label: '1', index: 1, title: 'Docs', url: 'https://example.com/docs', domain: 'example.com', text: 'Docs', referencedBy: [place], position: place }],
  provenance: { kind: 'human', tool: null, date: '2024-10-10', raw: 'Source: interview', position: place },
  furtherReading: [{ text: 'More', url: 'https://example.com', position: place }],
  stats: { words: 3, readingMinutes: 1 },
  classification: { predicted: 'how-to', confidence: 0.8, evidence: ['the question asks how to do something'] },
};

/** The same document as schema version 1 wrote it. */
const recordV1 = (() => {
  const { $schema: _schema, classification: _classification, entries, ...rest } = record;
  return {
    ...rest,
    schemaVersion: 1,
    entries: entries.map(({ citations: _citations, answer, ...entry }) => ({ ...entry, answer: { ...answer, sections: answer.sections.map(({ citations: _labels, ...section }) => section) } })),
  };
})();

describe('@qadocs/schema', () => {
  it('exposes exactly its public names', () => {
    expect(Object.keys(schema).sort()).toMatchInlineSnapshot(`
      [
        "CATEGORIES",
        "CHUNK_SCHEMA_ID",
        "MANIFEST_SCHEMA_ID",
        "QA_DOCUMENT_SCHEMA_ID",
        "QaDocumentValidationError",
        "SCHEMA_BASE",
        "SCHEMA_VERSION",
        "answerSchema",
        "categorySchema",
        "chunkCitationSchema",
        "chunkJsonSchema",
        "chunkSchema",
        "citationSchema",
        "claimSchema",
        "classificationSchema",
        "itemSchema",
        "linkSchema",
        "loadExport",
        "manifestEntrySchema",
        "manifestJsonSchema",
        "manifestSchema",
        "manifestV1Schema",
        "parseQaDocument",
        "pointSchema",
        "positionSchema",
        "provenanceSchema",
        "qaDocumentJsonSchema",
        "qaDocumentSchema",
        "qaDocumentV1Schema",
        "qaEntrySchema",
        "sectionSchema",
        "statsSchema",
        "unsafeDocumentIdReason",
        "upgradeManifestV1",
        "upgradeRecordV1",
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

  it('gives a null prediction a null confidence, in zod and in the generated JSON Schema alike', () => {
    const validate = new Ajv2020({ strict: false }).compile(qaDocumentJsonSchema());
    const unclassified = { ...record, classification: { predicted: null, confidence: null, evidence: [] } };
    expect(parseQaDocument(unclassified)).toEqual(unclassified);
    expect(validate(unclassified)).toBe(true);
    // A confidence is still a share when there is one.
    const outOfRange = { ...record, classification: { predicted: 'how-to', confidence: 1.5, evidence: [] } };
    expect(validate(outOfRange)).toBe(false);
    expect(() => parseQaDocument(outOfRange, 'doc.json')).toThrow(/doc\.json at `classification\.confidence`/);
  });

  it('ships the generated JSON Schema file, identical to the one computed from zod', () => {
    const file = JSON.parse(readFileSync(new URL('../generated/qa-document.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(qaDocumentJsonSchema());
    expect(file.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('ships the generated manifest and chunk schemas, with an $id per version', () => {
    const manifestFile = JSON.parse(readFileSync(new URL('../generated/index.schema.json', import.meta.url), 'utf8'));
    expect(manifestFile).toEqual(manifestJsonSchema());
    expect(manifestFile.$id).toBe('https://qadocs.dev/schema/v2/index.schema.json');
    expect(qaDocumentJsonSchema().$id).toBe('https://qadocs.dev/schema/v2/qa-document.schema.json');
    expect(JSON.parse(readFileSync(new URL('../generated/chunk.schema.json', import.meta.url), 'utf8')).$id).toBe('https://qadocs.dev/schema/v2/chunk.schema.json');
  });

  it('describes every property and names every record type in $defs', () => {
    const published = qaDocumentJsonSchema() as { $defs: Record<string, { properties?: Record<string, { description?: string }> }> };
    expect(Object.keys(published.$defs)).toEqual(expect.arrayContaining(['QaDocument', 'QaEntry', 'Answer', 'Section', 'Item', 'Claim', 'Citation', 'Provenance', 'Link', 'Position', 'Point', 'Classification']));
    const undescribed = Object.entries(published.$defs).flatMap(([name, node]) => Object.entries(node.properties ?? {}).filter(([, property]) => !property.description).map(([key]) => `${name}.${key}`));
    expect(undescribed).toEqual([]);
    expect(JSON.stringify(published)).not.toMatch(/__schema/);
  });

  it('loads an export folder and validates every record it lists', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qadocs-schema-'));
    mkdirSync(path.join(dir, 'json', 'docs', 'how-to'), { recursive: true });
    const entry = { id: record.id, path: record.path, recordPath: 'docs/how-to/install.json', title: record.title, category: record.category, hash: record.hash, entryCount: 1, citationCount: 1 };
    const manifest: Manifest = { $schema: MANIFEST_SCHEMA_ID, schemaVersion: 2, documents: [entry] };
    expect(new Ajv2020({ strict: false }).compile(manifestJsonSchema())(manifest)).toBe(true);
    writeFileSync(path.join(dir, 'json', 'index.json'), JSON.stringify(manifest));
    writeFileSync(path.join(dir, 'json', 'docs', 'how-to', 'install.json'), JSON.stringify(record));
    const loaded = await loadExport(dir);
    expect(loaded.documents).toEqual([record]);
    expect(loaded.exportedSchemaVersion).toBe(2);
    expect((await loadExport(path.join(dir, 'json'))).manifest.documents).toEqual([entry]);
    writeFileSync(path.join(dir, 'json', 'docs', 'how-to', 'install.json'), JSON.stringify({ ...record, stats: { words: -1, readingMinutes: 0 } }));
    await expect(loadExport(dir)).rejects.toThrow(/install\.json at `stats\.words`/);
  });

  it('refuses a manifest whose record path leaves the json folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qadocs-schema-'));
    mkdirSync(path.join(dir, 'json'), { recursive: true });
    const entry = { id: record.id, path: record.path, recordPath: '../../etc/passwd', title: null, category: null, hash: record.hash, entryCount: 1, citationCount: 1 };
    writeFileSync(path.join(dir, 'json', 'index.json'), JSON.stringify({ schemaVersion: 2, documents: [entry] }));
    await expect(loadExport(dir)).rejects.toThrow(/record path `\.\.\/\.\.\/etc\/passwd`/);
  });

  it('reads a schema-version-1 export and returns it in the version-2 shape', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qadocs-schema-v1-'));
    mkdirSync(path.join(dir, 'json', 'docs', 'how-to'), { recursive: true });
    const entryV1 = { id: record.id, path: record.path, title: record.title, category: record.category, hash: record.hash, entries: 1, citations: 1 };
    writeFileSync(path.join(dir, 'json', 'index.json'), JSON.stringify({ schemaVersion: 1, documents: [entryV1] }));
    writeFileSync(path.join(dir, 'json', 'docs', 'how-to', 'install.json'), JSON.stringify(recordV1));
    const loaded = await loadExport(dir);
    expect(loaded.exportedSchemaVersion).toBe(1);
    expect(loaded.manifest).toEqual({ schemaVersion: 2, documents: [{ id: record.id, path: record.path, recordPath: 'docs/how-to/install.json', title: record.title, category: record.category, hash: record.hash, entryCount: 1, citationCount: 1 }] });
    const { $schema: _schema, ...expected } = record;
    expect(loaded.documents).toEqual([{ ...expected, classification: null }]);
    // The upgraded record is a valid version-2 record.
    expect(new Ajv2020({ strict: false }).compile(qaDocumentJsonSchema())(loaded.documents[0])).toBe(true);
    // A version-1 record is still checked against version 1.
    expect(() => parseQaDocument({ ...recordV1, classification: null }, 'old.json')).toThrow(QaDocumentValidationError);
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
