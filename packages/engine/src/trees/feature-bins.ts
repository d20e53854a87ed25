/**
 * Histogram binning, as LightGBM / scikit-learn's HistGradientBoosting: each feature is cut once
 * into at most `maxBins` (≤ 255) quantile bins so split finding scans bins instead of sorted
 * values. A feature with ≤ maxBins distinct values gets one bin per value (edges at midpoints);
 * otherwise the edges are midpoints at evenly spaced quantiles. A value goes to the first bin b
 * with x <= edges[b] (the last bin has no edge), so "bin ≤ b" ⇔ "x ≤ edges[b]": a tree grown on bins
 * predicts identically on raw values with thresholds edges[b].
 * Input: n×p matrix; O(p·n log n) to fit, O(n·p·log maxBins) to bin.
 * Reference: https://scikit-learn.org/stable/modules/ensemble.html#histogram-based-gradient-boosting
 */
import { EngineError } from '../core/engine-error.js';
import type { Matrix } from '../core/matrix.js';

export const MAX_BINS = 255;

/** Fitted bin edges per feature. */
export interface FeatureBins {
  readonly nFeatures: number;
  /** Upper edges per feature (length nBins[f] - 1, increasing). */
  readonly edges: readonly Float64Array[];
  /** Number of bins per feature (1 for a constant feature). */
  readonly nBins: Int32Array;
}

/** Binned data shared by the tree builders; `codes` is row-major n×p. */
export interface BinnedData {
  readonly nRows: number;
  readonly nFeatures: number;
  readonly codes: Uint8Array;
  readonly bins: FeatureBins;
}

/** Fits edges on the given rows of X (all rows by default). */
export function fitFeatureBins(X: Matrix, maxBins = MAX_BINS, rows?: ArrayLike<number>): FeatureBins {
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > MAX_BINS) {
    throw new EngineError('INVALID_OPTION', `maxBins must be an integer in [2, ${MAX_BINS}], got ${maxBins}`);
  }
  const n = rows ? rows.length : X.rows;
  const p = X.cols;
  const edges: Float64Array[] = [];
  const nBins = new Int32Array(p);
  const col = new Float64Array(n);
  for (let f = 0; f < p; f++) {
    for (let i = 0; i < n; i++) col[i] = X.data[(rows ? rows[i] : i) * p + f];
    col.sort();
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || col[i] !== col[i - 1]) distinct++;
    const e: number[] = [];
    if (distinct <= maxBins) {
      for (let i = 1; i < n; i++) if (col[i] !== col[i - 1]) e.push(midpoint(col[i - 1], col[i]));
    } else {
      for (let k = 1; k < maxBins; k++) {
        const i = Math.floor((k * n) / maxBins);
        // Cut between this quantile value and the next larger value, so ties stay in one bin.
        let j = i;
        while (j + 1 < n && col[j + 1] === col[i]) j++;
        if (j + 1 >= n) break;
        const edge = midpoint(col[j], col[j + 1]);
        if (e.length === 0 || edge > e[e.length - 1]) e.push(edge);
      }
    }
    edges.push(Float64Array.from(e));
    nBins[f] = e.length + 1;
  }
  return { nFeatures: p, edges, nBins };
}

function midpoint(a: number, b: number): number {
  const m = a + (b - a) / 2;
  // Guard against rounding up to b for adjacent doubles: the edge must stay below b.
  return m >= b ? a : m;
}

/** Bin codes of X (row-major), optionally into a caller-provided (e.g. shared) buffer. */
export function binMatrix(X: Matrix, bins: FeatureBins, out?: Uint8Array): Uint8Array {
  const { rows: n, cols: p, data } = X;
  const codes = out ?? new Uint8Array(n * p);
  for (let f = 0; f < p; f++) {
    const e = bins.edges[f];
    const m = e.length;
    for (let i = 0; i < n; i++) {
      const x = data[i * p + f];
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x <= e[mid]) hi = mid;
        else lo = mid + 1;
      }
      codes[i * p + f] = lo;
    }
  }
  return codes;
}
