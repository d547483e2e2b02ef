import { Ajv2020 } from 'ajv/dist/2020.js';
import { qaDocumentJsonSchema } from '@qadocs/schema';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { markdownFilesIn, realCorpusFolder } from '../../../test-support/project-paths.mjs';

const corpusDir = realCorpusFolder('the parser\'s corpus survival test') ?? '';
const hasCorpus = corpusDir !== '';

describe('the real-world corpus', () => {
  it.skipIf(!hasCorpus)('parses every Markdown file without an exception, and every record validates against the JSON Schema', async () => {
    const files = markdownFilesIn(corpusDir);
    expect(files.length).toBeGreaterThan(1_000);
    const validate = new Ajv2020({ allErrors: false, strict: false }).compile(qaDocumentJsonSchema());
    const failures: string[] = [];
    let withEntries = 0;
    for (const file of files) {
      const { record } = await parseFile(file, { root: corpusDir });
      if (!validate(record)) failures.push(`${record.path}: ${JSON.stringify(validate.errors?.[0])}`);
      if (record.entries.length > 0) withEntries++;
      for (const entry of record.entries) expect(entry.position.start.line).toBeGreaterThan(0);
    }
    expect(failures).toEqual([]);
    // FAQ pages are part of the corpus: a parser that finds no question anywhere is broken.
    expect(withEntries).toBeGreaterThan(100);
  }, 300_000);
});
