import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { qaDocumentJsonSchema, type Position } from '@qadocs/schema';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/index.js';
import { markdownish } from '../../../test-support/markdownish.mjs';

const markdownishText = markdownish(fc);

function positionsOf(value: unknown, found: Position[] = []): Position[] {
  if (Array.isArray(value)) for (const item of value) positionsOf(item, found);
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (object.start && object.end && typeof (object.start as { line?: unknown }).line === 'number') found.push(object as unknown as Position);
    else for (const child of Object.values(object)) positionsOf(child, found);
  }
  return found;
}

describe('parse never throws, whatever the input', () => {
  const validate = new Ajv2020({ strict: false }).compile(qaDocumentJsonSchema());

  it('returns a schema-valid record whose positions all lie inside the source', () => {
    fc.assert(
      fc.property(markdownishText, (text) => {
        const parsed = parseDocument(text, { path: 'property.md' });
        expect(validate(parsed.record), JSON.stringify(validate.errors)).toBe(true);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const position of [...positionsOf(parsed.record), ...parsed.diagnostics.map((diagnostic) => diagnostic.place)]) {
          expect(position.start.offset).toBeLessThanOrEqual(position.end.offset);
          expect(position.end.offset).toBeLessThanOrEqual(text.length);
          expect(position.start.line).toBeGreaterThanOrEqual(1);
          expect(position.end.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 400, seed: 20261127 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const parsed = parseDocument(input, { path: 'bytes.md' });
        expect(typeof parsed.record.hash).toBe('string');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
