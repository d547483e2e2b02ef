import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@qadocs/linter';
import { runDocuments, type DocumentOutcome } from '../src/index.js';
import { REFERENCE_DOCUMENT, makeTempFolder } from './support/temp-folder.js';

const dir = makeTempFolder('run-documents');

async function collect(files: string[], threads: number | undefined, workerHeapLimitMb?: number, onHeapLimitRetry?: (filePath: string) => void): Promise<DocumentOutcome[]> {
  const config = await loadConfig({ cwd: dir });
  const outcomes: DocumentOutcome[] = [];
  const setup = { cwd: dir, configFile: null, root: dir, fix: false, record: false, html: false, classify: false };
  const workerFile = new URL('../dist/worker.js', import.meta.url).href;
  for await (const outcome of runDocuments({ setup, files, config, timeoutMs: 600_000, threads, workerFile, workerHeapLimitMb, onHeapLimitRetry })) outcomes.push(outcome);
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

describe('runDocuments: bounded worker heaps (issue 18)', () => {
  // Thousands of short paragraphs (~220 KB) parse to a tree that needs well over 40 MB of heap (the
  // linter itself holds under 20 MB after loading), so the workers start and only this document
  // outgrows them.
  const small = path.join(dir, 'heap-small.md');
  const large = path.join(dir, 'heap-large.md');
  const paragraphs = Array.from({ length: 5000 }, (_, index) => `Paragraph ${index} with *emphasis* and \`code\`.`).join('\n\n');
  writeFileSync(large, `---\ncategory: reference\n---\n\n# What do the limits hold?\n\n${paragraphs}\n`);
  writeFileSync(small, readFileSync(REFERENCE_DOCUMENT, 'utf8'));
  const others = Array.from({ length: 4 }, (_, index) => path.join(dir, `heap-other-${index}.md`));
  for (const file of others) writeFileSync(file, readFileSync(REFERENCE_DOCUMENT, 'utf8'));

  it('runs a document that outgrows its worker\'s heap again without the limit, with the same result', async () => {
    const files = [small, large, ...others];
    const retried: string[] = [];
    const bounded = await collect(files, 2, 40, (filePath) => retried.push(filePath));
    const unbounded = await collect(files, 2, 4096, (filePath) => retried.push(`unexpected: ${filePath}`));
    expect(retried).toEqual([large]);
    const summary = (outcome: DocumentOutcome) => [outcome.result.fatalErrorCount, ...outcome.result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`)];
    expect(bounded.map((outcome) => outcome.filePath)).toEqual(files);
    expect(bounded.map(summary)).toEqual(unbounded.map(summary));
    expect(bounded[1]!.result.fatalErrorCount, bounded[1]!.result.messages[0]?.message).toBe(0);
  }, 900_000);
});
