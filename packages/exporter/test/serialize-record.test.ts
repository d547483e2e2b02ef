import { describe, expect, it } from 'vitest';
import { QA_DOCUMENT_SCHEMA_ID, qaDocumentJsonSchema, type QaDocument } from '@qadocs/schema';
import { serializeRecord } from '../src/index.js';
import { parseSeed } from './support/fixture-documents.js';

/** A copy of a record with object keys in reverse order (front matter aside), as other code might build it. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, key === 'frontmatter' ? inner : reverseKeys(inner)]));
}

describe('serializeRecord', () => {
  const record = parseSeed().record;

  it('writes 2-space JSON with a trailing newline that parses back to the record', () => {
    const text = serializeRecord(record);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "$schema": "${QA_DOCUMENT_SCHEMA_ID}",`);
    expect(text.split('\n')[2]).toBe('  "schemaVersion": 2,');
    expect(JSON.parse(text)).toEqual({ $schema: QA_DOCUMENT_SCHEMA_ID, ...record });
  });

  it('orders keys as the published schema lists them, however the record was built', () => {
    const shuffled = reverseKeys(record) as QaDocument;
    expect(Object.keys(shuffled)[0]).toBe('classification');
    const text = serializeRecord(shuffled);
    expect(text).toBe(serializeRecord(record));
    const parsed = JSON.parse(text) as Record<string, unknown> & QaDocument;
    const schema = qaDocumentJsonSchema() as { $defs: { QaDocument: { properties: Record<string, unknown> } } };
    expect(Object.keys(parsed)).toEqual(Object.keys(schema.$defs.QaDocument.properties));
    expect(Object.keys(parsed.entries[0]!)).toEqual(['question', 'position', 'answer', 'citations']);
    expect(Object.keys(parsed.entries[0]!.answer.sections[0]!)).toEqual(['heading', 'depth', 'items', 'citations', 'position']);
    expect(Object.keys(parsed.entries[0]!.answer)).toEqual(['markdown', 'text', 'sections', 'summary', 'claims']);
    expect(Object.keys(parsed.entries[0]!.answer.sections[0]!.items[1]!.children[0]!)).toEqual(['label', 'text', 'citations', 'children', 'position']);
    expect(Object.keys(parsed.citations[0]!)).toEqual(['label', 'index', 'title', 'url', 'domain', 'text', 'referencedBy', 'position']);
    expect(Object.keys(parsed.citations[0]!.position.start)).toEqual(['line', 'column', 'offset']);
  });

  it('keeps front-matter keys in the order the author wrote them', () => {
    const text = serializeRecord({ ...record, frontmatter: { zeta: 1, alpha: { inner: true, another: [1, 2] }, middle: null } });
    expect(Object.keys((JSON.parse(text) as QaDocument).frontmatter)).toEqual(['zeta', 'alpha', 'middle']);
    expect(text).toContain('"alpha": {\n      "inner": true,\n      "another": [');
  });
});
