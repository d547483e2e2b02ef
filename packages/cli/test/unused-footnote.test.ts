import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM module without type declarations
import { realCorpusFolder } from '../../../test-support/project-paths.mjs';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { writeFiles } from './support/sample-documents.js';
import { makeTempFolder } from './support/temp-folder.js';

const base = makeTempFolder('unused-footnote');

/** The author's own note, eight lines of prose, that nothing references any more. */
const PROSE_NOTE = [
  'Why can a channel partner steal funds?',
  '',
  'A peer that lost its state can be cheated by an old channel state.',
  '',
  '[^non-routing]:',
  '    Although the only known way to use this attack to steal money',
  '    directly is by abusing a routing node, the same delay can also',
  '    be used against a node that only pays and receives: its peer',
  '    holds the preimage until the timeout is close, and then settles',
  '    on chain, which costs the node fees it did not expect to pay.',
  '    Watchtowers do not help here, because nothing was broadcast',
  '    early; only shorter timeouts limit what the peer can do.',
  '    This note is the author\'s, not a source.',
  '',
].join('\n');

/** Lint `file` twice in `cwd`: `--fix` (the file must stay byte-identical) and `--format json` (the suggestions). */
async function fixThenReport(cwd: string, file: string) {
  const before = readFileSync(path.join(cwd, file));
  const fix = await runQadocs(['lint', file, '--fix'], { cwd });
  expect(fix.code, describeRun(fix)).not.toBe(2);
  expect(readFileSync(path.join(cwd, file)).equals(before), '--fix left the file byte-identical').toBe(true);
  const json = await runQadocs(['lint', file, '--format', 'json'], { cwd });
  const [result] = JSON.parse(json.stdout) as Array<{ messages: Array<{ ruleId: string; fix?: unknown; suggestions?: Array<{ desc: string; messageId?: string; fix: { range: [number, number]; text: string } }> }> }>;
  return { before: before.toString('utf8'), unused: result!.messages.filter((message) => message.ruleId === 'citation/unused') };
}

describe('an unused prose footnote', () => {
  it('--fix never removes it; the JSON report offers removing or referencing it as suggestions', async () => {
    const cwd = path.join(base, 'fixture');
    writeFiles(cwd, { 'note.md': PROSE_NOTE });
    const { before, unused } = await fixThenReport(cwd, 'note.md');
    expect(unused).toHaveLength(1);
    expect(unused[0]).not.toHaveProperty('fix');
    expect(unused[0]!.suggestions!.map((suggestion) => [suggestion.messageId, suggestion.desc])).toEqual([
      ['removeDefinition', 'Remove the footnote definition `[^non-routing]`'],
      ['referenceHere', 'Reference `[^non-routing]` at the end of the paragraph before the definition'],
    ]);
    const [remove, reference] = unused[0]!.suggestions!;
    expect(before.slice(remove!.fix.range[0], remove!.fix.range[1])).toContain("This note is the author's, not a source.");
    expect(reference!.fix).toEqual({ range: [before.indexOf('old channel state.') + 'old channel state'.length, before.indexOf('old channel state.') + 'old channel state'.length], text: '[^non-routing]' });
  });

  const corpus = realCorpusFolder('the unused prose footnote of a real corpus document') as string | null;

  it.runIf(corpus)('in a real corpus document: --fix leaves it byte-identical, JSON lists the suggestion', async () => {
    // The first corpus document (by path) with a footnote of several lines of prose and no link; its
    // references are taken out, in the copy only, so the author's note is unused.
    const document = proseFootnoteDocument(corpus!);
    expect(document, 'a corpus document with a prose footnote').not.toBeNull();
    const cwd = path.join(base, 'corpus');
    writeFiles(cwd, { 'document.md': document!.text });
    const { before, unused } = await fixThenReport(cwd, 'document.md');
    const note = unused.find((message) => message.suggestions?.some((suggestion) => suggestion.desc === `Remove the footnote definition \`[^${document!.label}]\``));
    expect(note, describeRun({ code: 0, stdout: JSON.stringify(unused), stderr: '' })).toBeDefined();
    expect(note).not.toHaveProperty('fix');
    const removal = note!.suggestions![0]!.fix;
    expect(before.slice(removal.range[0], removal.range[1]).split('\n').length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

/** A corpus Markdown file with a multi-line footnote that holds no URL, its references removed. */
function proseFootnoteDocument(corpus: string): { text: string; label: string } | null {
  const files = (readdirSync(corpus, { recursive: true }) as string[]).filter((file) => file.endsWith('.md')).sort();
  for (const file of files) {
    const text = readFileSync(path.join(corpus, file), 'utf8');
    for (const match of text.matchAll(/^\[\^([\w-]+)\]:[ \t]*\n((?:[ \t]{4}.*\n){3,})/gm)) {
      if (/https?:|\]\[|\]\(/.test(match[2]!)) continue;
      const label = match[1]!;
      const unreferenced = text.replace(new RegExp(`\\[\\^${label}\\](?!:)`, 'g'), '');
      return { text: unreferenced, label };
    }
  }
  return null;
}
