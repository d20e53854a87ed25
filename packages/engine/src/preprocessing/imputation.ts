/**
 * Missing-value rules shared by the tabular transformer: numeric → the training median (NaN-aware,
 * average of the two middle values for even counts, as numpy.nanmedian); categorical → the literal
 * category `Unknown`. A numeric column that is entirely missing at fit time imputes 0.
 * Complexity O(n log n) per numeric column (sort).
 */

/** The category that replaces a missing categorical value. */
export const UNKNOWN_CATEGORY = 'Unknown';

/** Median of the non-NaN values; 0 when there are none. */
export function nanMedian(values: ArrayLike<number>): number {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present.push(values[i]);
  if (present.length === 0) return 0;
  const sorted = Float64Array.from(present).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
