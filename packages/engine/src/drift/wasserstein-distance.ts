/**
 * Wasserstein-1 distance between two samples (scipy.stats.wasserstein_distance, unweighted):
 * ∫|F_u − F_v| dx over the pooled sorted values. Input: two finite samples. Complexity: O(n log n).
 */
import { wassersteinAgainst } from './numeric-reference.js';

/** Earth mover's distance between the empirical distributions of `u` and `v`. */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const su = Float64Array.from(u).sort();
  const sv = Float64Array.from(v).sort();
  return wassersteinAgainst({ count: su.length, points: su, exact: true }, sv);
}
