import { describe, expect, it } from 'vitest';
import { RemainingTimeEstimator } from '../src/remaining-time.js';

/** Feed `(done, at ms)` updates; return the seconds-left estimate after each, with the true value. */
function replay(total: number, updates: ReadonlyArray<readonly [done: number, at: number]>, trueRate: number) {
  const estimator = new RemainingTimeEstimator(0);
  return updates.map(([done, at]) => {
    estimator.update(done, total, at);
    return { at, estimate: estimator.secondsLeft(), actual: (total - done) / trueRate };
  });
}

describe('RemainingTimeEstimator (the progress bar\'s time left, issue 11)', () => {
  it('has no estimate before a document is done, and says 0 when every document is done', () => {
    const estimator = new RemainingTimeEstimator(0);
    expect(estimator.secondsLeft()).toBeNull();
    estimator.update(0, 100, 500);
    expect(estimator.secondsLeft()).toBeNull();
    estimator.update(10, 100, 1_000);
    expect(estimator.secondsLeft()).toBeCloseTo(9, 5);
    estimator.update(100, 100, 2_000);
    expect(estimator.secondsLeft()).toBe(0);
  });

  it('at a steady 20 documents per second, says what is left to within 2 %', () => {
    const updates = Array.from({ length: 1_000 }, (_, index) => [index + 1, (index + 1) * 50] as const);
    for (const { at, estimate, actual } of replay(1_000, updates, 20)) {
      if (at < 1_000 || actual === 0) continue;
      expect(Math.abs(estimate! - actual) / actual).toBeLessThan(0.02);
    }
  });

  it('does not swing with bursts and stalls: results held back by a slow file, then 40 at once', () => {
    // 1,000 documents at 20 per second on average, arriving in path order: every 2 s one slow file
    // holds back 39 finished ones, then all 40 arrive within a millisecond (the observed 1,000-file run).
    const updates: Array<readonly [number, number]> = [];
    for (let burst = 0; burst < 25; burst++) {
      for (let index = 1; index <= 40; index++) updates.push([burst * 40 + index, (burst + 1) * 2_000 + index / 40]);
    }
    // From the fifth burst on (a fifth of the run); before that the run's average is all there is.
    const estimates = replay(1_000, updates, 20).filter(({ at, actual }) => at >= 10_000 && actual > 10);
    expect(estimates.length).toBeGreaterThan(500);
    for (const { estimate, actual } of estimates) {
      expect(estimate).not.toBeNull();
      expect(estimate! / actual).toBeGreaterThan(0.75);
      expect(estimate! / actual).toBeLessThan(1.33);
    }
  });

  it('does not swing on a busy machine either: stalls of up to 15 s, each followed by the results it held back', () => {
    // 1,000 documents at 4 per second on average (the observed run on a loaded machine): a stall of
    // 1 to 15 s (a fixed pseudo-random sequence), then every result it held back within 50 ms.
    const updates: Array<readonly [number, number]> = [];
    let seed = 7;
    let time = 0;
    let done = 0;
    while (done < 1_000) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const stall = 1_000 + (seed % 14_001);
      time += stall;
      const held = Math.min(1_000 - done, Math.round((stall / 1_000) * 4));
      for (let index = 1; index <= held; index++) updates.push([++done, time + (index * 50) / held]);
    }
    const rate = 1_000 / (time / 1_000);
    const estimates = replay(1_000, updates, rate).filter(({ at, actual }) => at >= 60_000 && actual > 30);
    expect(estimates.length).toBeGreaterThan(500);
    for (const { estimate, actual } of estimates) {
      expect(estimate! / actual).toBeGreaterThan(0.5);
      expect(estimate! / actual).toBeLessThan(2);
    }
  });

  it('follows a real change of pace within its window', () => {
    // 20 per second for 10 s, then 5 per second (say, a folder of large documents).
    const updates: Array<readonly [number, number]> = [];
    for (let done = 1; done <= 200; done++) updates.push([done, done * 50]);
    for (let done = 201; done <= 400; done++) updates.push([done, 10_000 + (done - 200) * 200]);
    const afterSlowdown = replay(1_000, updates, 5).filter(({ at }) => at >= 10_000 + 25_000);
    expect(afterSlowdown.length).toBeGreaterThan(50);
    for (const { estimate, actual } of afterSlowdown) expect(Math.abs(estimate! - actual) / actual).toBeLessThan(0.05);
  });
});
