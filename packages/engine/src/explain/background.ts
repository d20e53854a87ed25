/**
 * Background (reference) data for interventional explanations: the training data or a weighted
 * summary of it. Summaries: k-means centres weighted by cluster size (as `shap.kmeans`, centres
 * snapped per column to the nearest observed value so one-hot columns stay 0/1), or a seeded
 * sample without replacement. Input n × p; k-means costs O(iterations · n · k · p).
 * Reference: Lundberg & Lee (2017), and shap's `kmeans` / `sample` utilities.
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, createMatrix, selectRows, type Matrix } from '../core/matrix.js';
import { createRng, shuffledIndices } from '../core/random.js';

/** Background rows with non-negative weights summing to 1. */
export interface WeightedBackground {
  readonly data: Matrix;
  readonly weights: Float64Array;
}

/** A plain matrix (equal weights) or an already weighted background. */
export type Background = Matrix | WeightedBackground;

export interface SummarizeBackgroundOptions {
  /** Rows in the summary (default 50); the data is returned whole when it has no more rows. */
  readonly size?: number;
  /** 'kmeans' (default) or 'sample'. */
  readonly method?: 'kmeans' | 'sample';
  readonly seed?: number;
  /** Lloyd iterations for k-means (default 50). */
  readonly maxIterations?: number;
}

const isWeighted = (b: Background): b is WeightedBackground => 'weights' in b;

/** Normalises either form into a weighted background; checks shape, finiteness and weights. */
export function toWeightedBackground(background: Background, nColumns?: number): WeightedBackground {
  const data = isWeighted(background) ? background.data : background;
  if (data.rows === 0) throw new EngineError('EMPTY_INPUT', 'the background has no rows');
  if (nColumns !== undefined && data.cols !== nColumns) {
    throw new EngineError(
      'INVALID_SHAPE',
      `the background has ${data.cols} columns, the model expects ${nColumns}`,
    );
  }
  assertFinite(data, 'background');
  if (!isWeighted(background)) {
    return { data, weights: new Float64Array(data.rows).fill(1 / data.rows) };
  }
  const w = background.weights;
  if (w.length !== data.rows) {
    throw new EngineError('INVALID_SHAPE', `${w.length} weights for ${data.rows} background rows`);
  }
  let total = 0;
  for (const v of w) {
    if (!Number.isFinite(v) || v < 0) {
      throw new EngineError('INVALID_OPTION', 'background weights must be finite and non-negative');
    }
    total += v;
  }
  if (total <= 0) throw new EngineError('INVALID_OPTION', 'background weights sum to zero');
  return { data, weights: w.map((v) => v / total) };
}

/** Weighted column means of a background. */
export function backgroundMean(background: WeightedBackground): Float64Array {
  const { data, weights } = background;
  const mean = new Float64Array(data.cols);
  for (let i = 0; i < data.rows; i++) {
    const w = weights[i];
    for (let j = 0; j < data.cols; j++) mean[j] += w * data.data[i * data.cols + j];
  }
  return mean;
}

/** Summarises training data into a small weighted background (see the file header). */
export function summarizeBackground(X: Matrix, options: SummarizeBackgroundOptions = {}): WeightedBackground {
  const size = options.size ?? 50;
  const method = options.method ?? 'kmeans';
  if (!Number.isInteger(size) || size < 1) {
    throw new EngineError('INVALID_OPTION', `size must be a positive integer, got ${size}`);
  }
  if (X.rows === 0) throw new EngineError('EMPTY_INPUT', 'cannot summarise an empty matrix');
  assertFinite(X, 'background');
  if (X.rows <= size) return toWeightedBackground(X);
  const rng = createRng(options.seed ?? 0);
  if (method === 'sample') {
    const idx = shuffledIndices(X.rows, rng).subarray(0, size);
    return toWeightedBackground(selectRows(X, idx));
  }
  return kmeansSummary(X, size, options.maxIterations ?? 50, rng);
}

function kmeansSummary(
  X: Matrix,
  k: number,
  maxIterations: number,
  rng: ReturnType<typeof createRng>,
): WeightedBackground {
  const { rows: n, cols: p, data } = X;
  // Scale columns so income (thousands) does not swamp family size when measuring distance.
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = data[i * p + j];
      s += v;
      s2 += v * v;
    }
    const variance = s2 / n - (s / n) ** 2;
    scale[j] = variance > 1e-24 ? 1 / Math.sqrt(variance) : 1;
  }
  const dist2 = (i: number, centres: Float64Array, c: number): number => {
    let d = 0;
    for (let j = 0; j < p; j++) {
      const t = (data[i * p + j] - centres[c * p + j]) * scale[j];
      d += t * t;
    }
    return d;
  };
  // k-means++ seeding.
  const centres = new Float64Array(k * p);
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = rng.nextInt(n);
  for (let c = 0; c < k; c++) {
    centres.set(data.subarray(pick * p, (pick + 1) * p), c * p);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], dist2(i, centres, c));
      total += nearest[i];
    }
    if (c === k - 1) break;
    let r = rng.next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= nearest[i];
      if (r < 0) {
        pick = i;
        break;
      }
    }
  }
  const label = new Int32Array(n).fill(-1);
  const counts = new Float64Array(k);
  for (let iter = 0; iter < maxIterations; iter++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = dist2(i, centres, c);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (label[i] !== best) {
        label[i] = best;
        changed = true;
      }
    }
    if (!changed && iter > 0) break;
    const sums = new Float64Array(k * p);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      counts[label[i]]++;
      for (let j = 0; j < p; j++) sums[label[i] * p + j] += data[i * p + j];
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue; // an empty cluster keeps its centre
      for (let j = 0; j < p; j++) centres[c * p + j] = sums[c * p + j] / counts[c];
    }
  }
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[label[i]]++;
  // Snap each centre coordinate to the nearest observed value of its column (shap's round_values).
  for (let j = 0; j < p; j++) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = data[i * p + j];
    values.sort();
    for (let c = 0; c < k; c++) centres[c * p + j] = nearestSorted(values, centres[c * p + j]);
  }
  const kept: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] > 0) kept.push(c);
  const out = createMatrix(kept.length, p);
  const weights = new Float64Array(kept.length);
  kept.forEach((c, r) => {
    out.data.set(centres.subarray(c * p, (c + 1) * p), r * p);
    weights[r] = counts[c] / n;
  });
  return { data: out, weights };
}

function nearestSorted(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(sorted[lo - 1] - v) <= Math.abs(sorted[lo] - v)) return sorted[lo - 1];
  return sorted[lo];
}
