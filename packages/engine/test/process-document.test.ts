import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQaDocument } from '@qadocs/schema';
import { createDocumentProcessor } from '../src/index.js';
import { REFERENCE_DOCUMENT, makeTempFolder } from './support/temp-folder.js';

const dir = makeTempFolder('processor');
const reference = readFileSync(REFERENCE_DOCUMENT, 'utf8');

describe('createDocumentProcessor with reuseParses', () => {
  it('gives every version of an edited document the outcome of a processor that parses it whole', async () => {
    const setup = { cwd: dir, configFile: null, root: dir, fix: false, record: false, html: false, classify: false, outline: true };
    const reusing = await createDocumentProcessor({ ...setup, reuseParses: true });
    const whole = await createDocumentProcessor(setup);
    const filePath = path.join(dir, 'edited.md');
    const middle = reference.indexOf('\n', reference.length / 2);
    // Typing, then adding a footnote definition, then a pseudo-citation, then deleting a heading line.
    const versions = [
      reference,
      `${reference.slice(0, middle)} typed${reference.slice(middle)}`,
      `${reference.slice(0, middle)} typed${reference.slice(middle)}\n[^9]: [New](https://example.com/new)\n`,
      `${reference.slice(0, middle)} typed¹(https://example.com/x)${reference.slice(middle)}`,
      reference.replace(/^###.*\n/m, ''),
    ];
    for (const text of versions) {
      const bytes = new TextEncoder().encode(text);
      expect(reusing({ filePath, bytes })).toEqual(whole({ filePath, bytes }));
    }
  });
});

describe('createDocumentProcessor with record', () => {
  it('writes a null confidence into the record beside a null prediction, and a valid record', async () => {
    const setup = { cwd: dir, configFile: null, root: dir, fix: false, record: true, html: false, classify: true, outline: false };
    const processor = await createDocumentProcessor(setup);
    // Too little to read: the classifier predicts nothing.
    const bytes = new TextEncoder().encode('---\ntitle: Notes\n---\n\nTBD.\n');
    const outcome = processor({ filePath: path.join(dir, 'notes.md'), bytes });
    const record = parseQaDocument(JSON.parse(outcome.recordJson!), 'notes.json');
    expect(record.classification).toEqual({ predicted: null, confidence: null, evidence: [] });
    expect(outcome.classification).toEqual({ declared: null, predicted: null, confidence: null, evidence: [] });

    // A page that reads as a category keeps its confidence in both.
    const classified = processor({ filePath: path.join(dir, 'reference.md'), bytes: new TextEncoder().encode(reference) });
    const classifiedRecord = parseQaDocument(JSON.parse(classified.recordJson!), 'reference.json');
    expect(classifiedRecord.classification?.predicted).not.toBeNull();
    expect(classifiedRecord.classification?.confidence).toBe(classified.classification?.confidence);
    expect(typeof classifiedRecord.classification?.confidence).toBe('number');
  });
});
