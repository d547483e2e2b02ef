import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
