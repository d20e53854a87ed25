import type { Matrix } from '../core/matrix.js';
import type { TreeEnsemble } from './tree-ensemble.js';

/**
 * Same result as predictEnsemble, bit for bit (per row the trees are summed in the same order),
 * but tree-major: one tree's arrays stay in cache while every row walks it, which is several
 * times faster for large forests of deep trees.
 */
export function predictEnsembleFast(ensemble: TreeEnsemble, X: Matrix): Float64Array {
  const n = X.rows;
  const p = X.cols;
  const x = X.data;
  const sum = new Float64Array(n);
  for (const tree of ensemble.trees) {
    const { feature, threshold, left, right, value } = tree;
    for (let i = 0; i < n; i++) {
      const off = i * p;
      let node = 0;
      while (left[node] !== -1) node = x[off + feature[node]] <= threshold[node] ? left[node] : right[node];
      sum[i] += value[node];
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ensemble.init + ensemble.weight * sum[i];
  return out;
}
