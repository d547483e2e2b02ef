/** Median of a list of numbers (mean of the middle two for an even count); null for an empty list. */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Largest of a list of numbers; null for an empty list. */
export function maximum(values) {
  return values.length === 0 ? null : Math.max(...values);
}

/** Smallest of a list of numbers; null for an empty list. */
export function minimum(values) {
  return values.length === 0 ? null : Math.min(...values);
}

/**
 * min, median and max of a list, and its spread: (max − min) / median. A figure whose spread is
 * above `SPREAD_LIMIT` did not reproduce within the run, and a closing note should not quote it alone.
 */
export function describeRuns(values) {
  const present = values.filter((value) => value != null);
  const middle = median(present);
  const low = minimum(present);
  const high = maximum(present);
  return { min: low, median: middle, max: high, spread: middle > 0 && present.length > 1 ? (high - low) / middle : null };
}

/** The spread above which a figure is flagged (10 %). */
export const SPREAD_LIMIT = 0.1;

/** numerator / denominator, or null when either is missing or the denominator is not positive. */
export function ratio(numerator, denominator) {
  if (numerator == null || denominator == null || !(denominator > 0)) return null;
  return numerator / denominator;
}
