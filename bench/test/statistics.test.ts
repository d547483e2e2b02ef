import { describe, expect, it } from 'vitest';
import { describeRuns, maximum, median, minimum, ratio } from '../src/statistics.mjs';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([30, 10, 20])).toBe(20);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is the value itself for one run and null for none', () => {
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('maximum', () => {
  it('is the largest value, or null for none', () => {
    expect(maximum([120, 480, 300])).toBe(480);
    expect(maximum([])).toBeNull();
  });
});

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(3, 4)).toBe(0.75);
  });

  it('is null when a side is missing or the denominator is not positive', () => {
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(3, undefined)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('minimum', () => {
  it('is the smallest value, or null for none', () => {
    expect(minimum([120, 480, 300])).toBe(120);
    expect(minimum([])).toBeNull();
  });
});

describe('describeRuns', () => {
  it('gives min, median, max and the spread (max − min) / median, ignoring missing values', () => {
    expect(describeRuns([100, 90, null, 110])).toEqual({ min: 90, median: 100, max: 110, spread: 0.2 });
  });

  it('has no spread for a single run or none', () => {
    expect(describeRuns([50])).toEqual({ min: 50, median: 50, max: 50, spread: null });
    expect(describeRuns([])).toEqual({ min: null, median: null, max: null, spread: null });
  });
});
