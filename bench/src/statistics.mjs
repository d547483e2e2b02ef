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

/** numerator / denominator, or null when either is missing or the denominator is not positive. */
export function ratio(numerator, denominator) {
  if (numerator == null || denominator == null || !(denominator > 0)) return null;
  return numerator / denominator;
}
