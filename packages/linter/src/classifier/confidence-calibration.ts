import { CONFIDENCE_CALIBRATION } from './signal-weights.js';

/** Breakpoints of a monotone map: `[top probability, confidence]`, both increasing. */
export type CalibrationPoints = readonly (readonly [number, number])[];

/**
 * Map a probability through calibration breakpoints: linear between two points, flat beyond the
 * first and the last. Monotone when the points are, so it never reorders two predictions.
 */
export function interpolateCalibration(points: CalibrationPoints, probability: number): number {
  if (points.length === 0) return probability;
  const [firstX, firstY] = points[0]!;
  if (probability <= firstX) return firstY;
  for (let index = 1; index < points.length; index++) {
    const [x1, y1] = points[index]!;
    if (probability <= x1) {
      const [x0, y0] = points[index - 1]!;
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (probability - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1]![1];
}

/**
 * The confidence of a prediction whose top probability is `probability`: how often such a prediction
 * agrees with its page's category, as fitted by `scripts/fit-classifier.mjs` (isotonic regression on
 * out-of-fold predictions of the tuning half, each block claiming the lower Wilson bound of its share
 * right, one standard error below it).
 */
export function calibrateConfidence(probability: number): number {
  return interpolateCalibration(CONFIDENCE_CALIBRATION, probability);
}
