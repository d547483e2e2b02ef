import { describe, expect, it } from 'vitest';
import { CONTRACT_DOCS, evaluateTargets, kibToMegabytes } from '../src/targets.mjs';

type Summary = { medianWallMs: number | null; peakRssKb: number | null };

function summaries(entries: Record<string, Partial<Summary>>): Map<string, Summary> {
  return new Map(Object.entries(entries).map(([id, summary]) => [id, { medianWallMs: null, peakRssKb: null, ...summary }]));
}

function target(results: ReturnType<typeof evaluateTargets>, id: string) {
  const found = results.find((result) => result.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
}

describe('evaluateTargets', () => {
  const measured = summaries({
    'qadocs-lint': { medianWallMs: 60_000, peakRssKb: 300_000 },
    'qadocs-build': { medianWallMs: 130_000, peakRssKb: 420_000 },
    'qadocs-lint-warm': { medianWallMs: 1_500, peakRssKb: 90_000 },
    'qadocs-lint-one-changed': { medianWallMs: 3_600, peakRssKb: 95_000 },
    'markdownlint-cli2': { medianWallMs: 172_000 },
    'floor-2': { medianWallMs: 80_000 },
    'qadocs-lint-one-file': { medianWallMs: 300 },
    'markdownlint-cli2-one-file': { medianWallMs: 240 },
  });
  const results = evaluateTargets(measured, CONTRACT_DOCS);

  it('passes a ratio at or under its limit', () => {
    expect(target(results, 'lint-vs-markdownlint')).toMatchObject({ value: 60_000 / 172_000, limit: 0.5, status: 'PASS', contract: true });
    expect(target(results, 'lint-vs-floor')).toMatchObject({ value: 0.75, status: 'PASS' });
    expect(target(results, 'warm-vs-cold')).toMatchObject({ value: 0.025, status: 'PASS' });
  });

  it('fails a ratio over its limit', () => {
    expect(target(results, 'build-vs-floor')).toMatchObject({ value: 1.625, limit: 1.5, status: 'FAIL' });
    expect(target(results, 'one-changed-vs-cold')).toMatchObject({ value: 0.06, status: 'FAIL' });
    expect(target(results, 'one-file-vs-markdownlint')).toMatchObject({ value: 1.25, status: 'FAIL' });
  });

  it('checks peak memory against 400 MB using the largest qadocs run', () => {
    const memory = target(results, 'peak-memory');
    expect(memory.value).toBeCloseTo(kibToMegabytes(420_000));
    expect(memory.detail).toBe('largest: qadocs-build');
    expect(memory.status).toBe('FAIL');
  });

  it('marks results below the contract size as information (lower case)', () => {
    const small = evaluateTargets(measured, 1_000);
    expect(target(small, 'lint-vs-markdownlint')).toMatchObject({ status: 'pass', contract: false });
    expect(target(small, 'build-vs-floor').status).toBe('fail');
    // The one-file comparison does not depend on the corpus size.
    expect(target(small, 'one-file-vs-markdownlint')).toMatchObject({ status: 'FAIL', contract: true });
  });

  it('skips a target whose commands were not measured', () => {
    const onlyRivals = evaluateTargets(summaries({ 'markdownlint-cli2': { medianWallMs: 1000 }, 'floor-2': { medianWallMs: 500 } }), CONTRACT_DOCS);
    for (const result of onlyRivals) expect(result).toMatchObject({ value: null, status: 'SKIP' });
  });
});

describe('kibToMegabytes', () => {
  it('converts KiB to decimal megabytes', () => {
    expect(kibToMegabytes(390_625)).toBe(400);
  });
});
