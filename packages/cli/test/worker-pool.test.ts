import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EslintResult } from './support/eslint-json-shape.js';
import { describeRun, runQadocs } from './support/run-qadocs.js';
import { GEN_CORPUS, makeTempFolder } from './support/temp-folder.js';

// More documents than the pool's window (64 per thread), with the generator's few 100-200 KB pages
// among them: the case where a slow document holds back the outcomes after it.
const DOCUMENTS = 400;
const cwd = makeTempFolder('worker-pool');
const hasGenerator = existsSync(GEN_CORPUS);
if (!hasGenerator) console.warn(`worker-pool tests skipped: the corpus generator ${GEN_CORPUS} is missing`);

async function lintReport(...extra: string[]): Promise<EslintResult[]> {
  const run = await runQadocs(['lint', 'corpus', '--format', 'json', '--no-progress', ...extra], { cwd });
  expect(run.signal, describeRun(run)).toBeNull();
  expect([0, 1], describeRun(run)).toContain(run.code);
  return JSON.parse(run.stdout) as EslintResult[];
}

describe.skipIf(!hasGenerator)('the worker pool (issue 5)', () => {
  let reference: EslintResult[];

  beforeAll(async () => {
    execFileSync(process.execPath, [GEN_CORPUS, '--docs', String(DOCUMENTS), '--out', path.join(cwd, 'corpus')], { stdio: 'pipe' });
    reference = await lintReport('--threads', '1');
  }, 120_000);

  it('reports every document once, in path order', () => {
    const files = reference.map((result) => result.filePath);
    expect(files).toHaveLength(DOCUMENTS);
    expect(files).toEqual([...files].sort());
    expect(reference.reduce((count, result) => count + result.messages.length, 0)).toBeGreaterThan(0);
  });

  it('gives the same report with two threads (GC helpers off) as with one', async () => {
    expect(await lintReport('--threads', '2')).toEqual(reference);
  }, 120_000);

  it('gives the same report with --low-memory', async () => {
    expect(await lintReport('--low-memory')).toEqual(reference);
  }, 120_000);
});
