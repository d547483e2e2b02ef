import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../src/index.js';
import { reparseMarkdown } from '../src/reparse-markdown.js';
import { MARKDOWNISH_FRAGMENTS, markdownish } from '../../../test-support/markdownish.mjs';
import { markdownFilesIn, realCorpusFolder, REFERENCE_DOCUMENT } from '../../../test-support/project-paths.mjs';

const reference = readFileSync(REFERENCE_DOCUMENT, 'utf8');
/** The reference document's Markdown: `reparseMarkdown` is given the text micromark sees, front matter blanked. */
const referenceBody = reference.replace(/^---\n[\s\S]*?\n---\n/, '');

/** A long answer with every kind of block: lists, footnotes, a table, code, a quote, link definitions. */
const longAnswer = [
  referenceBody.trimEnd(),
  ...Array.from({ length: 8 }, (_, index) =>
    [
      `## How does setting ${index} change replication?`,
      '',
      `Setting ${index} controls replication[^s${index}] and [the guide][guide${index}]; see [^1].`,
      '',
      `- **Default**: every ${index} hours.`,
      `- **Override**: per gallery¹(https://example.com/setting-${index}).`,
      '',
      '| value | effect |',
      '| ----- | ------ |',
      `| ${index} | copies |`,
      '',
      '> Note: a quote',
      '> that goes on.',
      '',
      '```sh',
      `az sig update --setting ${index}`,
      '```',
      '',
      `[^s${index}]: [Setting ${index}](https://example.com/s${index})`,
      `    continued definition text`,
      '',
      `[guide${index}]: https://example.com/guide/${index}`,
    ].join('\n'),
  ),
].join('\n\n') + '\n';

/** What a parse gives its readers, without the index (made from the tree) and the line table. */
function readable(parsed: ParsedDocument) {
  return { tree: parsed.tree, record: parsed.record, diagnostics: parsed.diagnostics, references: parsed.references, duplicateDefinitions: parsed.duplicateDefinitions, pseudoCitations: parsed.pseudoCitations, fatal: parsed.fatal };
}

function edit(text: string, at: number, removed: number, inserted: string): string {
  const start = Math.min(at, text.length);
  return text.slice(0, start) + inserted + text.slice(Math.min(text.length, start + removed));
}

/**
 * The parse of `edited` from the parse of `text`, and from scratch, must be the same, field for field
 * and in the same order (compared as JSON: a deep equality of thousands of trees is too slow).
 */
function expectSameParse(text: string, edited: string): void {
  const previous = parseDocument(text, { path: 'doc.md' });
  const reparsed = JSON.stringify(readable(parseDocument(edited, { path: 'doc.md', previous })));
  const parsed = JSON.stringify(readable(parseDocument(edited, { path: 'doc.md' })));
  if (reparsed !== parsed) expect(JSON.parse(reparsed)).toEqual(JSON.parse(parsed));
  expect(reparsed).toBe(parsed);
}

function markdownOf(parsed: ParsedDocument) {
  return { markdown: parsed.source, tree: parsed.tree, location: parsed.location };
}

describe('reparsing an edited document', () => {
  it('parses only the blocks around a word typed in the middle, and gets micromark\'s own tree', () => {
    const middle = longAnswer.indexOf('\n', longAnswer.length / 2);
    const edited = edit(longAnswer, middle, 0, ' typed');
    const reparsed = reparseMarkdown(markdownOf(parseDocument(longAnswer)), edited);
    expect(reparsed).not.toBeNull();
    expect(reparsed).toEqual(parseDocument(edited).tree);
  });

  it('keeps footnote references and link references resolved by definitions outside the edited blocks', () => {
    const at = longAnswer.indexOf('Setting 5 controls');
    const edited = edit(longAnswer, at, 0, 'Now ');
    const reparsed = reparseMarkdown(markdownOf(parseDocument(longAnswer)), edited);
    expect(reparsed).not.toBeNull();
    expect(reparsed).toEqual(parseDocument(edited).tree);
    expect(JSON.stringify(reparsed)).toContain('"type":"linkReference"');
  });

  it('parses everything again when the edit adds or removes a definition', () => {
    const at = longAnswer.indexOf('[guide3]: ');
    for (const edited of [edit(longAnswer, at, 1, ''), edit(longAnswer, at, 0, '[^new]: https://example.com/new\n\n')]) {
      expect(reparseMarkdown(markdownOf(parseDocument(longAnswer)), edited)).toBeNull();
      expectSameParse(longAnswer, edited);
    }
  });

  it.each([
    ['a setext underline under the paragraph before', '\n', '===\n'],
    ['an unclosed code fence', '\n', '```\n'],
    ['an indented line after a list', '- **Default**', '\n  continued'],
    ['a lazy line after a quote', '> that goes on.\n', 'lazy\n'],
    ['a list item that joins the list before it', '| value |', '- another\n'],
    ['an HTML comment left open', '\n', '<!--\n'],
    ['a table delimiter row', '| value | effect |\n', '| - | - |\n'],
  ])('gives micromark\'s tree after %s', (_name, anchor, inserted) => {
    let from = 0;
    for (let count = 0; count < 5; count++) {
      const at = longAnswer.indexOf(anchor, from + 1);
      if (at < 0) break;
      expectSameParse(longAnswer, edit(longAnswer, at + anchor.length, 0, inserted));
      expectSameParse(longAnswer, edit(longAnswer, at, anchor.length, inserted));
      from = at + Math.floor(longAnswer.length / 7);
    }
  });

  it('gives the same parse as from scratch for any edit of any Markdown-ish text', () => {
    const documents = fc.oneof(fc.constantFrom(reference, longAnswer, '---\ntitle: x\n---\n' + longAnswer), markdownish(fc));
    const inserted = fc.oneof(fc.constantFrom(...MARKDOWNISH_FRAGMENTS), markdownish(fc), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(documents, fc.nat(), fc.nat({ max: 40 }), inserted, (text, at, removed, piece) => {
        expectSameParse(text, edit(text, text.length === 0 ? 0 : at % (text.length + 1), removed, piece));
      }),
      { numRuns: 150, seed: 20261203 },
    );
  }, 300_000);

  const corpus = realCorpusFolder('reparsing edits of real-corpus documents');
  // Every fifth document: each edit costs three whole parses (before, after, and the reparse checked
  // against them), and all 1,425 documents took 812 s on a loaded machine. Every document was checked
  // once, with two edits each and no mismatch, when the reparse was written.
  it.skipIf(corpus === null)('gives the same parse as from scratch for edits of every fifth real-corpus document', () => {
    const files = markdownFilesIn(corpus!).filter((_file, index) => index % 5 === 0);
    expect(files.length).toBeGreaterThan(200);
    const pieces = ['\n', ' typed', '\n\n', '- ', '# ', '[^1]', '```\n', '> ', '    ', '|'];
    files.forEach((file, index) => {
      const text = readFileSync(file, 'utf8');
      // Deterministic places and pieces, spread over the documents.
      const at = (index * 7919) % (text.length + 1);
      expectSameParse(text, edit(text, at, index % 3, pieces[index % pieces.length]!));
    });
  }, 900_000);
});
