/**
 * Calinski–Harabasz index (variance ratio criterion). Input: X n×d, labels with 2 ≤ m ≤ n-1 distinct
 * values. O(n·d). Reference: Caliński & Harabasz (1974); scikit-learn `calinski_harabasz_score`
 * (1.0 when every cluster is a single point repeated, i.e. zero within-cluster dispersion).
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, type Matrix } from '../core/matrix.js';
import { encodeLabels, type EncodedLabels } from './encode-labels.js';

/** Between-cluster over within-cluster dispersion, scaled by (n - m) / (m - 1). */
export function calinskiHarabaszScore(X: Matrix, labels: ArrayLike<number>): number {
  const enc = checkClusterLabels(X, labels);
  const { rows: n, cols: d, data } = X;
  const m = enc.counts.length;
  const centroids = clusterCentroids(X, enc);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  let extra = 0;
  for (let c = 0; c < m; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = centroids[c * d + j] - mean[j];
      s += t * t;
    }
    extra += enc.counts[c] * s;
  }
  let intra = 0;
  for (let i = 0; i < n; i++) {
    const q = enc.codes[i] * d;
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j] - centroids[q + j];
      intra += t * t;
    }
  }
  return intra === 0 ? 1 : (extra * (n - m)) / (intra * (m - 1));
}

/** Checks shape and label count (2 ≤ m ≤ n-1) for the cluster indices; returns the encoded labels. */
export function checkClusterLabels(X: Matrix, labels: ArrayLike<number>): EncodedLabels {
  if (X.rows === 0) throw new EngineError('EMPTY_INPUT', 'no rows');
  if (labels.length !== X.rows)
    throw new EngineError('INVALID_SHAPE', `${labels.length} labels for ${X.rows} rows`);
  assertFinite(X);
  const enc = encodeLabels(labels);
  const m = enc.counts.length;
  if (m < 2 || m > X.rows - 1) {
    throw new EngineError('INVALID_OPTION', `needs 2 ≤ number of labels ≤ n-1, got ${m} for ${X.rows} rows`);
  }
  return enc;
}

/** Mean of each encoded cluster, m×d row-major. */
export function clusterCentroids(X: Matrix, enc: EncodedLabels): Float64Array {
  const { rows: n, cols: d, data } = X;
  const m = enc.counts.length;
  const out = new Float64Array(m * d);
  for (let i = 0; i < n; i++) {
    const q = enc.codes[i] * d;
    for (let j = 0; j < d; j++) out[q + j] += data[i * d + j];
  }
  for (let c = 0; c < m; c++) for (let j = 0; j < d; j++) out[c * d + j] /= enc.counts[c];
  return out;
}
