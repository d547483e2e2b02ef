import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EslintResult } from './support/eslint-json-shape.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { makeTempFolder } from './support/temp-folder.js';

const base = makeTempFolder('new');

describe('qadocs new', () => {
  it('writes a scaffold into the category folder under the content root, then lints it: placeholders only', async () => {
    const cwd = path.join(base, 'plain');
    const run = await runQadocs(['new', 'how-to', 'how do I rotate the signing key'], { cwd: await ensure(cwd) });
    expect(run.code, describeRun(run)).toBe(0);
    const file = path.join(cwd, 'content/how-to/how-do-i-rotate-the-signing-key.md');
    expect(run.stderr).toContain('Wrote content/how-to/how-do-i-rotate-the-signing-key.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('category: how-to');
    expect(text).toContain('# how do I rotate the signing key?');
    expect(run.stdout).toContain('content/placeholder');
    const lint = await runQadocs(['lint', 'content', '--format', 'json'], { cwd });
    const [result] = JSON.parse(lint.stdout) as EslintResult[];
    expect(new Set(result!.messages.map((message) => message.ruleId))).toEqual(new Set(['content/placeholder']));
    expect(lint.code, describeRun(lint)).toBe(0);
  });

  it('never overwrites an existing document (exit 2, file unchanged) unless --force', async () => {
    const cwd = await ensure(path.join(base, 'existing'));
    const file = path.join(cwd, 'content/reference/what-options-does-export-take.md');
    await runQadocs(['new', 'reference', 'What options does export take?'], { cwd });
    writeFileSync(file, 'the author\'s own words\n');
    const again = await runQadocs(['new', 'reference', 'What options does export take?'], { cwd });
    expect(again.code, describeRun(again)).toBe(2);
    expect(again.stderr).toContain('"content/reference/what-options-does-export-take.md"');
    expect(readFileSync(file, 'utf8')).toBe('the author\'s own words\n');
    const forced = await runQadocs(['new', 'reference', 'What options does export take?', '--force'], { cwd });
    expect(forced.code, describeRun(forced)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('| Name | Description |');
  });

  it('takes a configured alias and folder name, and prints without writing with --stdout', async () => {
    const cwd = await ensure(path.join(base, 'configured'));
    writeFileSync(path.join(cwd, 'qadocs.config.json'), JSON.stringify({ contentRoot: 'docs', categories: { aliases: { concept: 'explanation' }, folders: { concepts: 'explanation' } } }));
    const printed = await runQadocs(['new', 'concept', 'Why are citations footnotes?', '--stdout'], { cwd });
    expect(printed.code, describeRun(printed)).toBe(0);
    expect(printed.stdout).toMatch(/^---\ntitle: Why are citations footnotes\n/);
    expect(existsSync(path.join(cwd, 'docs'))).toBe(false);
    const written = await runQadocs(['new', 'concept', 'Why are citations footnotes?'], { cwd });
    expect(written.code, describeRun(written)).toBe(0);
    expect(existsSync(path.join(cwd, 'docs/concepts/why-are-citations-footnotes.md'))).toBe(true);
  });

  it('refuses an unknown category, quoting it and naming the four (exit 2)', async () => {
    const run = await runQadocs(['new', 'chapter', 'How do I start?'], { cwd: await ensure(path.join(base, 'unknown')) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unexpected category "chapter", expected one of "tutorial", "how-to", "reference", "explanation"');
  });
});

async function ensure(dir: string): Promise<string> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  return dir;
}
