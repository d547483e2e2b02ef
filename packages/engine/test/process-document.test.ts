import { readFileSync, writeFileSync } from 'node:fs';
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

describe('createDocumentProcessor with errorsOnly', () => {
  it("returns each result's counts whole and only its errors: no warnings, no source", async () => {
    const setup = { cwd: dir, configFile: null, root: dir, fix: false, record: true, html: false, classify: false };
    const full = await createDocumentProcessor(setup);
    const trimmed = await createDocumentProcessor({ ...setup, errorsOnly: true });
    const task = { filePath: path.join(dir, 'install.md'), bytes: new TextEncoder().encode('---\ntitle: Notes\ncategory: how-to\n---\n\n## How do I install it?\n\nRun the installer[^1] and see [^2].\n\n[^1]: https://example.com\n') };
    const whole = full(task).result;
    expect(whole.errorCount).toBeGreaterThan(0);
    expect(whole.warningCount).toBeGreaterThan(0);
    expect(whole.source).toBeDefined();
    const { result, recordJson } = trimmed(task);
    expect(result).toEqual({
      filePath: whole.filePath,
      messages: whole.messages.filter((message) => message.severity === 2),
      errorCount: whole.errorCount,
      warningCount: whole.warningCount,
      fatalErrorCount: whole.fatalErrorCount,
      fixableErrorCount: whole.fixableErrorCount,
      fixableWarningCount: whole.fixableWarningCount,
    });
    expect(recordJson).toBe(full(task).recordJson);
  });

  it('keeps a parse failure that the config turned into a warning: `export` reports the files it could not read', async () => {
    const configFile = path.join(dir, 'warn-input.config.json');
    writeFileSync(configFile, JSON.stringify({ rules: { 'input/encoding': 'warn' } }));
    const setup = { cwd: dir, configFile, root: dir, fix: false, record: true, html: false, classify: false, errorsOnly: true };
    const processor = await createDocumentProcessor(setup);
    const { result } = processor({ filePath: path.join(dir, 'latin1.md'), bytes: Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xff, 0xfe, 0x0a]) });
    expect(result.messages.map((message) => [message.ruleId, message.severity, message.parseFailure])).toEqual([['input/encoding', 1, true]]);
  });
});
