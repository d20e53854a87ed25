/**
 * LIME for tabular data (Ribeiro, Singh & Guestrin 2016, "Why Should I Trust You?"), following
 * the defaults of the `lime` package's LimeTabularExplainer: each continuous feature is cut at
 * its training quartiles; perturbations draw a bin per feature from the training bin frequencies
 * and a value inside it from a truncated normal with the bin's training mean and std; the
 * interpretable representation is "same bin as x" (1/0); samples are weighted by the kernel
 * sqrt(exp(−d² / w²)) on the euclidean distance of that binary vector, w = 0.75·sqrt(features);
 * a ridge (alpha 1) with intercept is fitted to the model's predictions with those weights.
 * A feature group of several encoded columns (a one-hot block) is one categorical feature whose
 * categories are the column patterns seen in training. All features are kept (lime's default
 * `num_features=10` keeps them all for this product's six features).
 * Input: training n × p once; per explanation nSamples model evaluations + O(nSamples · M²).
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, createMatrix, matrixFrom, type Matrix } from '../core/matrix.js';
import { createRng, type Rng } from '../core/random.js';
import { solveSymmetric } from './solve-linear.js';

export interface LimeExplainerOptions {
  /** Encoded columns per feature (default: one feature per column). */
  readonly groups?: readonly (readonly number[])[];
}

export interface LimeExplainOptions {
  /** Perturbed samples (default 5000, the first being x itself). */
  readonly nSamples?: number;
  /** Kernel width (default 0.75 · sqrt(number of features)). */
  readonly kernelWidth?: number;
  /** Ridge penalty of the surrogate (default 1). */
  readonly ridgeAlpha?: number;
  readonly seed?: number;
}

export interface LimeResult {
  /** Surrogate coefficient per feature: the effect of x's bin (or category) for that feature. */
  readonly weights: Float64Array;
  readonly intercept: number;
  /** The surrogate at x (intercept + Σ weights). */
  readonly localPrediction: number;
  /** The model's prediction at x. */
  readonly prediction: number;
  /** Weighted R² of the surrogate on the perturbed samples. */
  readonly score: number;
  readonly nSamples: number;
}

/** A LIME explainer holding the training statistics; explain any row of the same layout. */
export interface LimeExplainer {
  readonly nColumns: number;
  readonly nFeatures: number;
  explain(
    predict: (X: Matrix) => Float64Array,
    x: ArrayLike<number>,
    options?: LimeExplainOptions,
  ): LimeResult;
}

interface ContinuousFeature {
  readonly kind: 'continuous';
  readonly column: number;
  /** Sorted unique quartile boundaries; bin b holds values in (q[b−1], q[b]]. */
  readonly quartiles: Float64Array;
  readonly lows: Float64Array;
  readonly highs: Float64Array;
  readonly means: Float64Array;
  readonly stds: Float64Array;
  readonly bins: Int32Array;
  readonly frequencies: Float64Array;
}

interface CategoricalFeature {
  readonly kind: 'categorical';
  readonly columns: readonly number[];
  readonly patterns: readonly Float64Array[];
  readonly keys: readonly string[];
  readonly frequencies: Float64Array;
}

type LimeFeature = ContinuousFeature | CategoricalFeature;

/** Computes the training statistics (quartiles, bin moments, category frequencies). */
export function fitLimeExplainer(training: Matrix, options: LimeExplainerOptions = {}): LimeExplainer {
  if (training.rows === 0) throw new EngineError('EMPTY_INPUT', 'LIME needs training rows');
  assertFinite(training, 'training data');
  const p = training.cols;
  const groups = options.groups ?? Array.from({ length: p }, (_, j) => [j]);
  const features: LimeFeature[] = groups.map((cols) =>
    cols.length === 1 ? continuousFeature(training, cols[0]) : categoricalFeature(training, cols),
  );
  return {
    nColumns: p,
    nFeatures: features.length,
    explain: (predict, x, explainOptions = {}) => explainRow(features, p, predict, x, explainOptions),
  };
}

function percentile(sorted: Float64Array, q: number): number {
  // numpy's default linear interpolation.
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function binOf(quartiles: Float64Array, v: number): number {
  let b = 0;
  while (b < quartiles.length && quartiles[b] < v) b++;
  return b;
}

function continuousFeature(training: Matrix, column: number): ContinuousFeature {
  const n = training.rows;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = training.data[i * training.cols + column];
  const sorted = values.slice().sort();
  const quartiles = Float64Array.from(
    [...new Set([0.25, 0.5, 0.75].map((q) => percentile(sorted, q)))].sort((a, b) => a - b),
  );
  const nBins = quartiles.length + 1;
  const sum = new Float64Array(nBins);
  const sumSq = new Float64Array(nBins);
  const count = new Float64Array(nBins);
  for (const v of values) {
    const b = binOf(quartiles, v);
    sum[b] += v;
    sumSq[b] += v * v;
    count[b]++;
  }
  const means = new Float64Array(nBins);
  const stds = new Float64Array(nBins);
  for (let b = 0; b < nBins; b++) {
    if (count[b] > 0) {
      means[b] = sum[b] / count[b];
      stds[b] = Math.sqrt(Math.max(0, sumSq[b] / count[b] - means[b] ** 2));
    }
    stds[b] += 1e-11; // as lime, so a one-valued bin still has a scale
  }
  const lows = Float64Array.from([sorted[0], ...quartiles]);
  const highs = Float64Array.from([...quartiles, sorted[n - 1]]);
  const bins: number[] = [];
  const frequencies: number[] = [];
  for (let b = 0; b < nBins; b++) {
    if (count[b] > 0) {
      bins.push(b);
      frequencies.push(count[b] / n);
    }
  }
  return {
    kind: 'continuous',
    column,
    quartiles,
    lows,
    highs,
    means,
    stds,
    bins: Int32Array.from(bins),
    frequencies: Float64Array.from(frequencies),
  };
}

function categoricalFeature(training: Matrix, columns: readonly number[]): CategoricalFeature {
  const counts = new Map<string, { pattern: Float64Array; count: number }>();
  for (let i = 0; i < training.rows; i++) {
    const pattern = Float64Array.from(columns, (c) => training.data[i * training.cols + c]);
    const key = pattern.join(',');
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { pattern, count: 1 });
  }
  const keys = [...counts.keys()].sort();
  return {
    kind: 'categorical',
    columns,
    keys,
    patterns: keys.map((k) => (counts.get(k) as { pattern: Float64Array }).pattern),
    frequencies: Float64Array.from(keys, (k) => (counts.get(k) as { count: number }).count / training.rows),
  };
}

function drawIndex(frequencies: Float64Array, rng: Rng): number {
  let u = rng.next();
  for (let k = 0; k < frequencies.length - 1; k++) {
    u -= frequencies[k];
    if (u < 0) return k;
  }
  return frequencies.length - 1;
}

/** A normal(mean, std) draw restricted to [lo, hi], by rejection (acceptance ≥ ~1/2 here). */
function truncatedNormal(mean: number, std: number, lo: number, hi: number, rng: Rng): number {
  if (!(hi > lo)) return lo;
  for (let attempt = 0; attempt < 100; attempt++) {
    const v = mean + std * rng.normal();
    if (v >= lo && v <= hi) return v;
  }
  return Math.min(hi, Math.max(lo, mean));
}

function explainRow(
  features: readonly LimeFeature[],
  p: number,
  predict: (X: Matrix) => Float64Array,
  xIn: ArrayLike<number>,
  options: LimeExplainOptions,
): LimeResult {
  if (xIn.length !== p) {
    throw new EngineError('INVALID_SHAPE', `x has ${xIn.length} values, the training data ${p}`);
  }
  const x = Float64Array.from(xIn);
  assertFinite(matrixFrom(x, 1, p), 'x');
  const nSamples = options.nSamples ?? 5000;
  const M = features.length;
  const kernelWidth = options.kernelWidth ?? 0.75 * Math.sqrt(M);
  const alpha = options.ridgeAlpha ?? 1;
  if (!Number.isInteger(nSamples) || nSamples < 2) {
    throw new EngineError('INVALID_OPTION', `nSamples must be an integer >= 2, got ${nSamples}`);
  }
  if (!(kernelWidth > 0) || !(alpha >= 0)) {
    throw new EngineError('INVALID_OPTION', 'kernelWidth must be positive and ridgeAlpha >= 0');
  }
  const rng = createRng(options.seed ?? 0);
  const inverse = createMatrix(nSamples, p);
  const binary = new Float64Array(nSamples * M);
  inverse.data.set(x, 0);
  binary.fill(1, 0, M);
  features.forEach((f, k) => {
    if (f.kind === 'continuous') {
      const xBin = binOf(f.quartiles, x[f.column]);
      for (let s = 1; s < nSamples; s++) {
        const b = f.bins[drawIndex(f.frequencies, rng)];
        binary[s * M + k] = b === xBin ? 1 : 0;
        inverse.data[s * p + f.column] = truncatedNormal(f.means[b], f.stds[b], f.lows[b], f.highs[b], rng);
      }
    } else {
      const xKey = Array.from(f.columns, (c) => x[c]).join(',');
      for (let s = 1; s < nSamples; s++) {
        const c = drawIndex(f.frequencies, rng);
        binary[s * M + k] = f.keys[c] === xKey ? 1 : 0;
        f.columns.forEach((col, q) => (inverse.data[s * p + col] = f.patterns[c][q]));
      }
    }
  });
  const y = predict(inverse);
  const weights = new Float64Array(nSamples);
  for (let s = 0; s < nSamples; s++) {
    let d2 = 0;
    for (let k = 0; k < M; k++) d2 += 1 - binary[s * M + k];
    weights[s] = Math.sqrt(Math.exp(-d2 / (kernelWidth * kernelWidth)));
  }
  const fit = weightedRidge(binary, y, weights, nSamples, M, alpha);
  return {
    weights: fit.coef,
    intercept: fit.intercept,
    localPrediction: fit.intercept + fit.coef.reduce((a, b) => a + b, 0),
    prediction: y[0],
    score: fit.score,
    nSamples,
  };
}

/** Ridge with an unpenalised intercept on weighted rows, and its weighted R² (as sklearn's). */
function weightedRidge(
  Z: Float64Array,
  y: Float64Array,
  w: Float64Array,
  n: number,
  M: number,
  alpha: number,
): { coef: Float64Array; intercept: number; score: number } {
  let wSum = 0;
  let yMean = 0;
  const zMean = new Float64Array(M);
  for (let s = 0; s < n; s++) {
    wSum += w[s];
    yMean += w[s] * y[s];
    for (let k = 0; k < M; k++) zMean[k] += w[s] * Z[s * M + k];
  }
  yMean /= wSum;
  for (let k = 0; k < M; k++) zMean[k] /= wSum;
  const A = new Float64Array(M * M);
  const b = new Float64Array(M);
  const zc = new Float64Array(M);
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < M; k++) zc[k] = Z[s * M + k] - zMean[k];
    const yc = y[s] - yMean;
    for (let a = 0; a < M; a++) {
      const wa = w[s] * zc[a];
      b[a] += wa * yc;
      for (let c = 0; c < M; c++) A[a * M + c] += wa * zc[c];
    }
  }
  for (let k = 0; k < M; k++) A[k * M + k] += alpha;
  const coef = solveSymmetric(A, b, M);
  let intercept = yMean;
  for (let k = 0; k < M; k++) intercept -= coef[k] * zMean[k];
  let ssRes = 0;
  let ssTot = 0;
  for (let s = 0; s < n; s++) {
    let pred = intercept;
    for (let k = 0; k < M; k++) pred += coef[k] * Z[s * M + k];
    ssRes += w[s] * (y[s] - pred) ** 2;
    ssTot += w[s] * (y[s] - yMean) ** 2;
  }
  const score = ssTot > 0 ? 1 - ssRes / ssTot : ssRes === 0 ? 1 : 0;
  return { coef, intercept, score };
}
