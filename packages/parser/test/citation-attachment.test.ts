import path from 'node:path';
import type { QaDocument } from '@qadocs/schema';
import { describe, expect, it } from 'vitest';
import { parseDocument, parseFile } from '../src/index.js';
import { markdownFilesIn, REPOSITORY_ROOT, realCorpusFolder } from '../../../test-support/project-paths.mjs';

const DOCUMENT = `---
title: Citations everywhere
---

# Where can a citation sit?

Intro paragraph without sources.

## Options[^heading]

| Option | Meaning |
| --- | --- |
| \`--fix\` | Applies fixes[^table]. |
| \`--cache\` | Keeps results. |

> Quoted guidance from the manual[^quote].

1. Run the command[^step].
2. Read the report.

- Parent item that says enough words
  - Child item with a source[^nested]

[^heading]: Heading source, https://example.com/heading
[^table]: Table source, https://example.com/table
[^quote]: Quote source, https://example.com/quote
[^step]: Step source, https://example.com/step
[^nested]: Nested source, https://example.com/nested
`;

/**
 * Every footnote reference inside an answer must be held by the entry, by the section around it and
 * by a claim whose span contains it. Returns what is missing, one line per reference.
 */
function unattachedReferences(record: QaDocument): string[] {
  const missing: string[] = [];
  for (const citation of record.citations) {
    for (const reference of citation.referencedBy) {
      const offset = reference.start.offset;
      const entry = record.entries.find((candidate) => candidate.answer.sections.some((section) => section.position.start.offset <= offset && offset < section.position.end.offset));
      if (!entry) continue; // outside every answer (preamble, question, trailing text)
      const where = `${record.path}:${reference.start.line}:${reference.start.column} [^${citation.label}]`;
      if (!entry.citations.includes(citation.label)) missing.push(`${where}: not in the entry`);
      const section = entry.answer.sections.find((candidate) => candidate.position.start.offset <= offset && offset < candidate.position.end.offset)!;
      if (!section.citations.includes(citation.label)) missing.push(`${where}: not in its section`);
      if (!entry.answer.claims.some((claim) => claim.citations.includes(citation.label) && claim.position.start.offset <= offset && offset < claim.position.end.offset)) missing.push(`${where}: in no claim`);
    }
  }
  return missing;
}

describe('citations are attached wherever they are referenced', () => {
  const { record } = parseDocument(DOCUMENT, { filePath: '/docs/citations.md', root: '/docs' });
  const [entry] = record.entries;
  const section = entry!.answer.sections.find((candidate) => candidate.heading === 'Options')!;

  it('to the entry and the section, in order of first reference (heading, table, block quote, step, nested list)', () => {
    expect(entry!.citations).toEqual(['heading', 'table', 'quote', 'step', 'nested']);
    expect(section.citations).toEqual(['heading', 'table', 'quote', 'step', 'nested']);
  });

  it('to one claim each: the heading, the table row, the quoted paragraph, the step, the nested item', () => {
    const claimOf = (label: string) => entry!.answer.claims.filter((claim) => claim.citations.includes(label)).map((claim) => claim.text);
    expect(claimOf('heading')).toEqual(['Options']);
    expect(claimOf('table')).toEqual(['--fix | Applies fixes.']);
    expect(claimOf('quote')).toEqual(['Quoted guidance from the manual.']);
    expect(claimOf('step')).toEqual(['Run the command.']);
    expect(claimOf('nested')).toEqual(['Child item with a source']);
    expect(unattachedReferences(record)).toEqual([]);
  });

  it('leaves the parser\'s record without a classification (the linter owns the classifier)', () => {
    expect(record.classification).toBeNull();
  });

  it('holds for every document of content/', async () => {
    const root = path.join(REPOSITORY_ROOT, 'content');
    const files = markdownFilesIn(root);
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of files) missing.push(...unattachedReferences((await parseFile(file, { root })).record));
    expect(missing).toEqual([]);
  });

  const corpus = realCorpusFolder('citation attachment over the real corpus');
  it.skipIf(corpus === null)('holds for every document of the real corpus', async () => {
    const missing: string[] = [];
    for (const file of markdownFilesIn(corpus!)) missing.push(...unattachedReferences((await parseFile(file, { root: corpus! })).record));
    expect(missing.slice(0, 20)).toEqual([]);
  }, 300_000);
});
