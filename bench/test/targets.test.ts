import { describe, expect, it } from 'vitest';
import { CONTRACT_DOCS, evaluateTargets, kibToMegabytes } from '../src/targets.mjs';

type Summary = { medianWallMs: number | null; medianPeakRssKb: number | null };

function summaries(entries: Record<string, Partial<Summary>>): Map<string, Summary> {
  return new Map(Object.entries(entries).map(([id, summary]) => [id, { medianWallMs: null, medianPeakRssKb: null, ...summary }]));
}

function target(results: ReturnType<typeof evaluateTargets>, id: string) {
  const found = results.find((result) => result.id === id);
  if (!found) throw new Error(`no target ${id}`);
  return found;
}

describe('evaluateTargets', () => {
  const measured = summaries({
    'qadocs-lint': { medianWallMs: 60_000, medianPeakRssKb: 700_000 },
    'qadocs-build': { medianWallMs: 130_000, medianPeakRssKb: 900_000 },
    'qadocs-lint-warm': { medianWallMs: 1_500, medianPeakRssKb: 90_000 },
    'qadocs-lint-one-changed': { medianWallMs: 3_600, medianPeakRssKb: 95_000 },
    'qadocs-lint-low-memory': { medianWallMs: 66_000, medianPeakRssKb: 480_000 },
    'qadocs-build-low-memory': { medianWallMs: 140_000, medianPeakRssKb: 470_000 },
    'markdownlint-cli2': { medianWallMs: 100_000, medianPeakRssKb: 800_000 },
    'floor-2': { medianWallMs: 80_000 },
    'qadocs-lint-one-file': { medianWallMs: 300 },
    'markdownlint-cli2-one-file': { medianWallMs: 240 },
  });
  const results = evaluateTargets(measured, CONTRACT_DOCS);

  it('passes a ratio of medians at or under its limit', () => {
    expect(target(results, 'lint-vs-floor')).toMatchObject({ value: 0.75, limit: 1.15, status: 'PASS', contract: true });
    expect(target(results, 'warm-vs-cold')).toMatchObject({ value: 0.025, status: 'PASS' });
  });

  it('fails a ratio over its limit', () => {
    expect(target(results, 'build-vs-floor')).toMatchObject({ value: 1.625, limit: 1.5, status: 'FAIL' });
    expect(target(results, 'one-changed-vs-cold')).toMatchObject({ value: 0.06, status: 'FAIL' });
    expect(target(results, 'one-file-vs-markdownlint')).toMatchObject({ value: 1.25, status: 'FAIL' });
  });

  it('checks the default runs\' median peak memory against markdownlint-cli2\'s, measured in the same run', () => {
    const memory = target(results, 'peak-memory');
    expect(memory.value).toBeCloseTo(kibToMegabytes(900_000));
    expect(memory.limit).toBeCloseTo(kibToMegabytes(800_000));
    expect(memory.detail).toBe('largest: qadocs-build vs markdownlint-cli2');
    expect(memory.status).toBe('FAIL');
    const lower = evaluateTargets(summaries({ 'qadocs-lint': { medianPeakRssKb: 700_000 }, 'markdownlint-cli2': { medianPeakRssKb: 800_000 } }), CONTRACT_DOCS);
    expect(target(lower, 'peak-memory').status).toBe('PASS');
  });

  it('checks --low-memory against 500 MB', () => {
    expect(target(results, 'peak-memory-low-memory')).toMatchObject({ limit: 500, status: 'PASS', detail: 'largest: qadocs-lint-low-memory' });
  });

  it('shows lint / markdownlint-cli2 as information, beside the floor\'s own ratio', () => {
    expect(target(results, 'lint-vs-markdownlint')).toMatchObject({ value: 0.6, status: 'fail', contract: false, detail: 'qadocs-lint / markdownlint-cli2 (floor: 0.80×)' });
  });

  it('marks results below the contract size as information (lower case)', () => {
    const small = evaluateTargets(measured, 1_000);
    expect(target(small, 'lint-vs-floor')).toMatchObject({ status: 'pass', contract: false });
    expect(target(small, 'build-vs-floor').status).toBe('fail');
    // The one-file comparison does not depend on the corpus size.
    expect(target(small, 'one-file-vs-markdownlint')).toMatchObject({ status: 'FAIL', contract: true });
  });

  it('skips a target whose commands were not measured', () => {
    const onlyRivals = evaluateTargets(summaries({ 'markdownlint-cli2': { medianWallMs: 1000, medianPeakRssKb: 1000 }, 'floor-2': { medianWallMs: 500 } }), CONTRACT_DOCS);
    for (const result of onlyRivals) expect(result).toMatchObject({ value: null, status: 'SKIP' });
  });
});
