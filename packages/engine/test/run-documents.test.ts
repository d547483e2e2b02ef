import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@qadocs/linter';
import { runDocuments, type DocumentOutcome } from '../src/index.js';
import { REFERENCE_DOCUMENT, makeTempFolder } from './support/temp-folder.js';

const dir = makeTempFolder('run-documents');

async function collect(files: string[], threads: number | undefined): Promise<DocumentOutcome[]> {
  const config = await loadConfig({ cwd: dir });
  const outcomes: DocumentOutcome[] = [];
  const setup = { cwd: dir, configFile: null, root: dir, fix: false, record: false, html: false, classify: false };
  const workerFile = new URL('../dist/worker.js', import.meta.url).href;
  for await (const outcome of runDocuments({ setup, files, config, timeoutMs: 30_000, threads, workerFile })) outcomes.push(outcome);
  return outcomes;
}

describe('runDocuments', () => {
  // Five documents, one above the in-process size: the run goes to the pool. Its workers run the
  // engine's compiled worker (tests import the sources, beside which there is no worker.js).
  const files = Array.from({ length: 5 }, (_, index) => path.join(dir, `doc-${index}.md`));
  for (const [index, file] of files.entries()) {
    const text = readFileSync(REFERENCE_DOCUMENT, 'utf8');
    writeFileSync(file, index === 0 ? text + '\n' + 'Padding words for a larger file. '.repeat(600) + '\n' : text);
  }

  it('gives the same diagnostics in the pool as in this thread, in path order', async () => {
    const pooled = await collect(files, 2);
    expect(pooled.map((outcome) => outcome.filePath)).toEqual(files);
    const single = await collect(files.slice(1, 2), 1);
    const summary = (outcome: DocumentOutcome) => outcome.result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    expect(summary(pooled[1]!)).toEqual(summary(single[0]!));
    expect(summary(single[0]!)).toContain('15:106 citation/malformed');
  });
});
