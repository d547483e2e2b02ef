import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../src/bench-options.mjs';

describe('parseBenchOptions', () => {
  it('defaults to 1,000 and 10,000 documents, 3 runs', () => {
    expect(parseBenchOptions([])).toMatchObject({ sizes: [1000, 10000], runs: 3, only: null, seed: 42, measure: null, strict: false });
  });

  it('reads sizes, runs and a command filter, in both flag spellings', () => {
    expect(parseBenchOptions(['--sizes', '500,2000', '--runs=5', '--only', 'floor-1, floor-2'])).toMatchObject({
      sizes: [500, 2000],
      runs: 5,
      only: ['floor-1', 'floor-2'],
    });
  });

  it('makes --quick a 200-document run unless sizes are given', () => {
    expect(parseBenchOptions(['--quick']).sizes).toEqual([200]);
    expect(parseBenchOptions(['--quick', '--sizes', '300']).sizes).toEqual([300]);
  });

  it('ignores the `--` pnpm may pass through', () => {
    expect(parseBenchOptions(['--', '--runs', '1']).runs).toBe(1);
  });

  it('rejects bad values and unknown arguments', () => {
    expect(() => parseBenchOptions(['--runs', '0'])).toThrow('--runs expects a positive integer, got `0`');
    expect(() => parseBenchOptions(['--sizes', '1000,ten'])).toThrow('--sizes expects an integer, got `ten`');
    expect(() => parseBenchOptions(['--runs'])).toThrow('--runs needs a value');
    expect(() => parseBenchOptions(['--measure', 'perf'])).toThrow('--measure must be gnu-time or node');
    expect(() => parseBenchOptions(['--fast'])).toThrow('unknown argument `--fast`');
  });
});
