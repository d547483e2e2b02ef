import { describe, expect, it } from 'vitest';
import { maximum, median, ratio } from '../src/statistics.mjs';

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
