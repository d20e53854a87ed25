/**
 * A numeric reference distribution that is either the exact sorted sample or a quantile sketch,
 * and the ECDF-based statistics (KS distance, Wasserstein-1) of a current sample against it.
 *
 * Sketch: K + 1 type-7 quantiles (numpy/pandas 'linear') at u = i/K; the reference CDF is rebuilt
 * as the piecewise-linear curve through (qᵢ, i/K). Because the true ECDF and the rebuilt one lie in
 * the same cell [u_i − 1/n, u_{i+1} + 1/n] between knots:
 *   |D_sketch − D_exact| ≤ 1/K + 1/n,   |W_sketch − W_exact| ≤ (max − min)·(1/K + 1/n).
 * With K = 2000 the KS statistic moves by at most 5e-4 + 1/n and W/std by at most
 * (range/std)·5e-4 (in practice 10–100× less, see drift-baseline.test.ts).
 * Exact references (n ≤ the sketch size) reproduce the raw-data statistics bit for bit.
 *
 * Complexity: O((K + m) log(K + m)) per statistic for a current sample of size m (sorted once).
 * References: scipy.stats.wasserstein_distance (`_cdf_distance`), scipy.stats.ks_2samp;
 * Hyndman & Fan (1996) for the type-7 quantile.
 */

/** Exact sorted sample (`exact: true`) or K + 1 quantile knots at u = i/K (`exact: false`). */
export interface NumericReference {
  /** Number of reference values the points summarize. */
  count: number;
  /** Ascending: all values when exact, otherwise the quantile knots. */
  points: Float64Array;
  exact: boolean;
}

/** Type-7 (linear interpolation) quantile of a sorted sample, as numpy.quantile / pandas. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** Builds a reference from sorted values: exact when n ≤ sketchSize + 1, else a K = sketchSize sketch. */
export function numericReferenceFromSorted(sorted: Float64Array, sketchSize: number): NumericReference {
  const n = sorted.length;
  if (n <= sketchSize + 1) return { count: n, points: sorted, exact: true };
  const points = new Float64Array(sketchSize + 1);
  for (let i = 0; i <= sketchSize; i++) points[i] = quantileSorted(sorted, i / sketchSize);
  return { count: n, points, exact: false };
}

/** First index with a[i] > x (a sorted). */
export function upperBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a[i] >= x (a sorted). */
export function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reference CDF at x: right limit (`left = false`) or left limit (`left = true`). */
function referenceCdf(ref: NumericReference, x: number, left: boolean): number {
  const pts = ref.points;
  const idx = left ? lowerBound(pts, x) : upperBound(pts, x);
  if (ref.exact) return idx / pts.length;
  const K = pts.length - 1;
  if (left) {
    // Left limit: the linear piece ending at the first knot ≥ x.
    if (idx === 0) return 0;
    if (idx > K) return 1;
    const a = pts[idx - 1];
    const b = pts[idx];
    return b === x ? idx / K : (idx - 1 + (x - a) / (b - a)) / K;
  }
  if (idx === 0) return 0;
  if (idx > K) return 1;
  const j = idx - 1;
  const a = pts[j];
  const b = pts[j + 1];
  return (j + (x - a) / (b - a)) / K;
}

/** Sorted union of the reference points and the current values, duplicates removed. */
function breakpoints(ref: NumericReference, cur: Float64Array): Float64Array {
  const out = new Float64Array(ref.points.length + cur.length);
  let i = 0;
  let j = 0;
  let k = 0;
  const a = ref.points;
  while (i < a.length || j < cur.length) {
    const v = j >= cur.length || (i < a.length && a[i] <= cur[j]) ? a[i++] : cur[j++];
    if (k === 0 || out[k - 1] !== v) out[k++] = v;
  }
  return out.subarray(0, k);
}

/** sup |F_ref − F_cur| with the current sample SORTED. */
export function ksStatisticAgainst(ref: NumericReference, sortedCurrent: Float64Array): number {
  const m = sortedCurrent.length;
  const xs = breakpoints(ref, sortedCurrent);
  let d = 0;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    const right = Math.abs(referenceCdf(ref, x, false) - upperBound(sortedCurrent, x) / m);
    const left = Math.abs(referenceCdf(ref, x, true) - lowerBound(sortedCurrent, x) / m);
    if (right > d) d = right;
    if (left > d) d = left;
  }
  return d;
}

/** ∫ |a + (b − a)t − c| dt over t ∈ [0, 1]. */
function meanAbsLinear(a: number, b: number, c: number): number {
  const da = a - c;
  const db = b - c;
  if ((da >= 0 && db >= 0) || (da <= 0 && db <= 0)) return Math.abs(da + db) / 2;
  return (da * da + db * db) / (2 * Math.abs(db - da));
}

/** Wasserstein-1 distance ∫|F_ref − F_cur| dx with the current sample SORTED. */
export function wassersteinAgainst(ref: NumericReference, sortedCurrent: Float64Array): number {
  const m = sortedCurrent.length;
  const xs = breakpoints(ref, sortedCurrent);
  let total = 0;
  for (let k = 0; k + 1 < xs.length; k++) {
    const width = xs[k + 1] - xs[k];
    const g = upperBound(sortedCurrent, xs[k]) / m;
    const fa = referenceCdf(ref, xs[k], false);
    if (ref.exact) total += Math.abs(fa - g) * width;
    else total += meanAbsLinear(fa, referenceCdf(ref, xs[k + 1], true), g) * width;
  }
  return total;
}
