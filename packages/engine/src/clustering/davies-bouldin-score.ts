/**
 * Davies–Bouldin index (lower is better). Input: X n×d, labels with 2 ≤ m ≤ n-1 distinct values.
 * O(n·d + m²·d). Reference: Davies & Bouldin (1979); scikit-learn `davies_bouldin_score`
 * (0 when all within-cluster distances or all centroid distances are zero; 0/0 pairs count as 0).
 */
import type { Matrix } from '../core/matrix.js';
import { checkClusterLabels, clusterCentroids } from './calinski-harabasz-score.js';

/** Mean over clusters of the worst (s_i + s_j) / d(c_i, c_j) ratio. */
export function daviesBouldinScore(X: Matrix, labels: ArrayLike<number>): number {
  const enc = checkClusterLabels(X, labels);
  const { rows: n, cols: d, data } = X;
  const m = enc.counts.length;
  const centroids = clusterCentroids(X, enc);
  const intra = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const c = enc.codes[i];
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j] - centroids[c * d + j];
      s += t * t;
    }
    intra[c] += Math.sqrt(s);
  }
  let allIntraZero = true;
  for (let c = 0; c < m; c++) {
    intra[c] /= enc.counts[c];
    if (Math.abs(intra[c]) > 1e-15) allIntraZero = false;
  }
  const cd = new Float64Array(m * m);
  let allCentroidZero = true;
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = centroids[a * d + j] - centroids[b * d + j];
        s += t * t;
      }
      cd[a * m + b] = Math.sqrt(s);
      if (Math.abs(cd[a * m + b]) > 1e-15) allCentroidZero = false;
    }
  }
  if (allIntraZero || allCentroidZero) return 0;
  let total = 0;
  for (let a = 0; a < m; a++) {
    let worst = 0;
    for (let b = 0; b < m; b++) {
      if (a === b) continue;
      const dist = cd[a * m + b];
      const r = dist === 0 ? 0 : (intra[a] + intra[b]) / dist;
      if (r > worst) worst = r;
    }
    total += worst;
  }
  return total / m;
}
