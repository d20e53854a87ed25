/**
 * A DBSCAN eps from the k-distance curve: for each row (or a seeded sample of rows), the distance to
 * its minSamples-th nearest row counting itself (so the (minSamples−1)-th other row, matching
 * DBSCAN's core rule); sort ascending; take the distance at the knee of that convex curve (see
 * `findKnee`: largest gap below the chord after scaling both axes to [0, 1]). Rows left of the knee
 * sit in dense regions, rows right of it are candidates for noise.
 * Cost O(m·log n) k-NN queries on a k-d tree for m sampled rows. Reference: Ester et al. (1996) §4.2;
 * Satopää et al., "Finding a Kneedle in a Haystack" (2011).
 */
import { EngineError } from '../core/engine-error.js';
import type { Matrix } from '../core/matrix.js';
import { createRng, shuffledIndices } from '../core/random.js';
import { findKnee } from './find-knee.js';
import { buildKdTree } from './kd-tree.js';
import { assertClusterInput, checkIntegerOption } from './kmeans.js';

export interface SuggestEpsOptions {
  /** Query at most this many rows, a seeded sample (default 10,000); neighbours come from all rows. */
  sampleSize?: number;
  seed?: number;
}

export interface SuggestEpsResult {
  eps: number;
  /** Sorted k-distances of the queried rows. */
  kDistances: Float64Array;
  /** Index of the knee in kDistances. */
  kneeIndex: number;
}

/** Suggests eps for DBSCAN with the given minSamples. */
export function suggestEps(X: Matrix, minSamples: number, options: SuggestEpsOptions = {}): SuggestEpsResult {
  assertClusterInput(X);
  checkIntegerOption('minSamples', minSamples, 1);
  const { sampleSize = 10_000, seed = 42 } = options;
  const { rows: n, cols: d, data } = X;
  if (minSamples > n)
    throw new EngineError('INVALID_OPTION', `minSamples=${minSamples} exceeds the ${n} rows`);
  const tree = buildKdTree(data, n, d);
  const queries = n <= sampleSize ? null : shuffledIndices(n, createRng(seed)).subarray(0, sampleSize);
  const m = queries ? queries.length : n;
  const kd = new Float64Array(m);
  const idx = new Int32Array(minSamples);
  const dist = new Float64Array(minSamples);
  for (let t = 0; t < m; t++) {
    const i = queries ? queries[t] : t;
    tree.nearest(data, i * d, minSamples, idx, dist);
    kd[t] = dist[minSamples - 1];
  }
  kd.sort();
  const kneeIndex = findKnee(kd);
  let eps = kd[kneeIndex];
  if (!(eps > 0)) {
    // duplicates everywhere: take the smallest positive k-distance so DBSCAN gets a valid radius
    eps = kd.find((v) => v > 0) ?? 1e-12;
  }
  return { eps, kDistances: kd, kneeIndex };
}
