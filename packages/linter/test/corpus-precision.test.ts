import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM module without type declarations
import { realCorpusFolder } from '../../../test-support/project-paths.mjs';
import { findingKey, formatPrecisionTable, lintSampledDocuments, measurePrecision, precisionFloor, readJudgedSample } from '../src/precision/corpus-precision.js';

const sample = readJudgedSample(readFileSync(path.join(import.meta.dirname, 'corpus-precision-sample.tsv'), 'utf8'));

describe('the judged sample of corpus findings', () => {
  it('judges every finding tp or fp with a reason, once', () => {
    expect(sample.length).toBeGreaterThan(50);
    const keys = sample.map((finding) => findingKey(finding.path, finding.line, finding.ruleId));
    expect(new Set(keys).size).toBe(keys.length);
    for (const finding of sample) expect(finding.reason.length).toBeGreaterThan(10);
  });

  it('measures precision per rule from the findings reported', () => {
    const judged = [
      { path: 'a.md', line: 1, ruleId: 'r/x', verdict: 'tp' as const, reason: 'right about it' },
      { path: 'a.md', line: 2, ruleId: 'r/x', verdict: 'fp' as const, reason: 'wrong about it' },
      { path: 'b.md', line: 3, ruleId: 'r/x', verdict: 'fp' as const, reason: 'wrong, and dropped' },
    ];
    const [row] = measurePrecision(judged, new Set([findingKey('a.md', 1, 'r/x'), findingKey('a.md', 2, 'r/x')]));
    expect(row).toEqual({ ruleId: 'r/x', truePositives: 1, falsePositives: 1, precision: 0.5, droppedFalse: 1, droppedTrue: 0 });
  });
});

const corpus = realCorpusFolder('rule precision on the judged sample of the real corpus') as string | null;

describe.runIf(corpus)('rule precision on the real corpus', () => {
  it('every rule reaches its floor on the judged sample', () => {
    const rows = measurePrecision(sample, lintSampledDocuments(corpus!, sample));
    console.log(formatPrecisionTable(rows));
    for (const row of rows) if (row.precision !== null) expect(row.precision, row.ruleId).toBeGreaterThanOrEqual(precisionFloor(row.ruleId));
  }, 300_000);
});
