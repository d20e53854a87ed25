/**
 * Silhouette coefficient, exact or on a seeded random subset.
 * Input: X n×d, labels (any integers; -1 is just another label, as scikit-learn). Exact: O(n²·d) time,
 * O(n·m) memory (m labels), one pass over the n(n-1)/2 pairs. Sampled: the same on `sampleSize` rows
 * drawn without replacement, as scikit-learn's `silhouette_score(sample_size=…, random_state=…)`
 * (the subset differs from numpy's for the same seed; the estimator is the same).
 * Reference: Rousseeuw (1987); scikit-learn `silhouette_samples` (s = 0 for singleton clusters).
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, selectRows, type Matrix } from '../core/matrix.js';
import { createRng, shuffledIndices } from '../core/random.js';
import { encodeLabels } from './encode-labels.js';

export interface SilhouetteOptions {
  /** Score a random subset of this many rows (no effect when ≥ n). */
  sampleSize?: number;
  /** Seed of the subset (default 42). */
  seed?: number;
}

/** Per-row silhouette values. */
export function silhouetteSamples(X: Matrix, labels: ArrayLike<number>): Float64Array {
  checkInput(X, labels);
  return silhouetteSamplesTrusted(X.data, X.rows, X.cols, labels);
}

/** Mean silhouette over all rows, or over a seeded sample when `sampleSize` < n. */
export function silhouetteScore(
  X: Matrix,
  labels: ArrayLike<number>,
  options: SilhouetteOptions = {},
): number {
  checkInput(X, labels);
  const { sampleSize, seed = 42 } = options;
  let data = X.data;
  let n = X.rows;
  let lab: ArrayLike<number> = labels;
  if (sampleSize !== undefined) {
    if (!Number.isInteger(sampleSize) || sampleSize < 2) {
      throw new EngineError('INVALID_OPTION', `sampleSize must be an integer ≥ 2, got ${sampleSize}`);
    }
    if (sampleSize < n) {
      const idx = shuffledIndices(n, createRng(seed)).subarray(0, sampleSize);
      data = selectRows(X, idx).data;
      lab = Int32Array.from(idx, (i) => labels[i]);
      n = sampleSize;
    }
  }
  const s = silhouetteSamplesTrusted(data, n, X.cols, lab);
  let total = 0;
  for (let i = 0; i < n; i++) total += s[i];
  return total / n;
}

function checkInput(X: Matrix, labels: ArrayLike<number>): void {
  if (X.rows === 0) throw new EngineError('EMPTY_INPUT', 'silhouette needs at least one row');
  if (labels.length !== X.rows) {
    throw new EngineError('INVALID_SHAPE', `${labels.length} labels for ${X.rows} rows`);
  }
  assertFinite(X);
}

function silhouetteSamplesTrusted(
  data: Float64Array,
  n: number,
  d: number,
  labels: ArrayLike<number>,
): Float64Array {
  const { codes, counts } = encodeLabels(labels);
  const m = counts.length;
  if (m < 2 || m > n - 1) {
    throw new EngineError(
      'INVALID_OPTION',
      `silhouette needs 2 ≤ number of labels ≤ n-1, got ${m} labels for ${n} rows`,
    );
  }
  // sums[i*m + c] = Σ distance from row i to rows labelled c
  const sums = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const pi = i * d;
    const ci = codes[i];
    const rowI = i * m;
    for (let j = i + 1; j < n; j++) {
      const pj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = data[pi + t] - data[pj + t];
        s += v * v;
      }
      const dist = Math.sqrt(s);
      sums[rowI + codes[j]] += dist;
      sums[j * m + ci] += dist;
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ci = codes[i];
    const size = counts[ci];
    if (size <= 1) continue;
    const a = sums[i * m + ci] / (size - 1);
    let b = Infinity;
    for (let c = 0; c < m; c++) {
      if (c === ci) continue;
      const v = sums[i * m + c] / counts[c];
      if (v < b) b = v;
    }
    const den = Math.max(a, b);
    out[i] = den > 0 ? (b - a) / den : 0;
  }
  return out;
}
