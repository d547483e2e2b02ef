import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lintSource, loadConfig } from '@qadocs/linter';
import { createDocumentRunner, type DocumentRunner } from '../src/index.js';
import { REFERENCE_DOCUMENT, makeTempFolder } from './support/temp-folder.js';

const dir = makeTempFolder('runner');
const reference = readFileSync(REFERENCE_DOCUMENT);
// Tests import the sources, beside which there is no worker.js: the workers run the compiled one.
const workerFile = new URL('../dist/worker.js', import.meta.url).href;

async function runner(timeoutMs: number): Promise<DocumentRunner> {
  const config = await loadConfig({ cwd: dir });
  const setup = { cwd: dir, configFile: null, root: dir, fix: false, record: false, html: false, classify: false, outline: true };
  return createDocumentRunner({ setup, config, timeoutMs, threads: 2, workerFile });
}

describe('createDocumentRunner', () => {
  it('lints as lintSource does, returns the outline, and fixes on request', async () => {
    const documents = await runner(30_000);
    try {
      const filePath = path.join(dir, 'reference.md');
      const outcome = await documents.run({ filePath, bytes: reference });
      const config = await loadConfig({ cwd: dir });
      const expected = lintSource(reference, { filePath, root: dir, config });
      expect(outcome.result.messages).toEqual(expected.result.messages);
      const outline = outcome.outline!;
      expect(outline.footnotes.map((footnote) => footnote.label)).toEqual(['1', '2', '3']);
      const text = reference.toString('utf8');
      for (const footnote of outline.footnotes) expect(text.slice(footnote.labelRange[0] - 2, footnote.labelRange[1] + 2)).toBe(`[^${footnote.label}]:`);
      for (const reference of outline.references) expect(text.slice(reference.range[0], reference.range[1])).toBe(`[^${reference.label}]`);
      expect(outline.references.filter((reference) => reference.label === '2')).toHaveLength(3);
      expect(outline.entries.map((entry) => entry.question)).toEqual(["What's the difference between azure compute gallery and azure container registry?"]);
      expect(outline.frontMatter?.fields.map((field) => field.key)).toEqual(['title', 'description']);

      const fixed = await documents.run({ filePath, bytes: reference, fix: true });
      expect(fixed.fixedSource).toBe(fixText(reference, { filePath, root: dir, config }).output);
    } finally {
      await documents.close();
    }
  });

  it('gives a hostile document input/timeout and keeps serving the others', async () => {
    // Far above an ordinary document's lint even on a loaded machine; the hostile one runs for minutes.
    const documents = await runner(5000);
    try {
      const hostile = documents.run({ filePath: path.join(dir, 'hostile.md'), bytes: Buffer.from('* '.repeat(6143) + 'x') });
      const ordinary = documents.run({ filePath: path.join(dir, 'ordinary.md'), bytes: reference });
      expect((await ordinary).result.messages.some((message) => message.ruleId === 'citation/malformed')).toBe(true);
      const timedOut = await hostile;
      expect(timedOut.result.messages.map((message) => message.ruleId)).toEqual(['input/timeout']);
      expect(timedOut.result.fatalErrorCount).toBe(1);
      const after = await documents.run({ filePath: path.join(dir, 'after.md'), bytes: reference });
      expect(after.result.messages.length).toBeGreaterThan(0);
    } finally {
      await documents.close();
    }
    await expect(documents.run({ filePath: path.join(dir, 'closed.md'), bytes: reference })).rejects.toThrow(/closed document runner/);
  });

  it('fails the documents, not the process, when its workers cannot load the config', async () => {
    const config = await loadConfig({ cwd: dir });
    const configFile = path.join(dir, 'broken.config.json');
    // Valid when the front end loaded it, invalid by the time a worker starts.
    writeFileSync(configFile, JSON.stringify({ rules: { 'citation/malformed': 'loud' } }));
    const setup = { cwd: dir, configFile, root: dir, fix: false, record: false, html: false, classify: false, outline: true };
    const documents = createDocumentRunner({ setup, config, timeoutMs: 30_000, threads: 2, workerFile });
    try {
      const outcomes = await Promise.all(['a', 'b', 'c'].map((name) => documents.run({ filePath: path.join(dir, `${name}.md`), bytes: reference })));
      for (const outcome of outcomes) {
        expect(outcome.result.messages).toHaveLength(1);
        expect(outcome.result.messages[0]).toMatchObject({ ruleId: 'input/encoding', fatal: true });
        expect(outcome.result.messages[0]!.reason).toMatch(/Unexpected .*severity "loud"/);
      }
      const later = await documents.run({ filePath: path.join(dir, 'later.md'), bytes: reference });
      expect(later.result.messages[0]!.reason).toMatch(/Unexpected failure of the qadocs worker: .*"loud"/);
      expect(documents.failure?.message).toMatch(/"loud"/);
    } finally {
      await documents.close();
    }
  });
});
