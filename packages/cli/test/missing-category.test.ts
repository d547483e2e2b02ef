import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { cleanDocument } from './support/sample-documents.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';

const cwd = makeTempFolder('missing-category');

interface Report {
  messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
}

async function messagesAbout(text: string, word: string) {
  const run = await runQadocs(['lint', '--stdin', '--format', 'json'], { cwd, input: text });
  expect(run.code, describeRun(run)).toBe(1);
  return (JSON.parse(run.stdout) as Report[])[0]!.messages.filter((message) => message.message.includes(word));
}

describe('a missing category is reported once (issue 11)', () => {
  it('the reference document (no category): one diagnostic, by diataxis/category, naming the four values', async () => {
    const found = await messagesAbout(readFileSync(REFERENCE_DOCUMENT, 'utf8'), '`category');
    expect(found.map(({ ruleId, line, column }) => [ruleId, line, column])).toEqual([['diataxis/category', 1, 1]]);
    expect(found[0]!.message).toContain('`tutorial`, `how-to`, `reference` or `explanation`');
  });

  it('an empty category and a document without front matter: still one each', async () => {
    const empty = await messagesAbout(cleanDocument().replace(/^category: .*$/m, 'category: ""'), '`category');
    expect(empty.map((message) => message.ruleId)).toEqual(['diataxis/category']);
    const noFrontMatter = await messagesAbout('# How do I start?\n\nRun `qadocs init`.\n', 'category');
    expect(noFrontMatter.map((message) => message.ruleId)).toEqual(['diataxis/category']);
    // The other required keys are still frontmatter/required's.
    const title = await messagesAbout('# How do I start?\n\nRun `qadocs init`.\n', '`title');
    expect(title.map((message) => message.ruleId)).toEqual(['frontmatter/required']);
  });
});
