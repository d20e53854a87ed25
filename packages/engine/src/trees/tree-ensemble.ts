import type { Matrix } from '../core/matrix.js';

/**
 * One fitted regression tree as flat arrays (node 0 is the root), the layout scikit-learn's
 * `tree_` uses. Shared by the random forest, the boosted trees and TreeSHAP.
 * A row goes left when x[feature] <= threshold.
 */
export interface TreeArrays {
  /** Feature index per node; -1 for leaves. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** Child node indices; -1 for leaves. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Mean target of the training rows reaching the node (the prediction at a leaf). */
  readonly value: Float64Array;
  /** Training rows (or weight) reaching the node: TreeSHAP's path-dependent "cover". */
  readonly cover: Float64Array;
}

/** prediction(x) = init + Σ_t weight · tree_t(x). Random forest: init 0, weight 1/T. Boosting: init mean(y), weight = learning rate. */
export interface TreeEnsemble {
  readonly trees: readonly TreeArrays[];
  readonly init: number;
  readonly weight: number;
  readonly nFeatures: number;
}

/** Leaf value of one tree for one row stored at x[offset .. offset + nFeatures). */
export function predictTreeAt(tree: TreeArrays, x: Float64Array, offset: number): number {
  let node = 0;
  const { feature, threshold, left, right } = tree;
  while (left[node] !== -1) {
    node = x[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
  }
  return tree.value[node];
}

/** Predicts every row of X with the ensemble. */
export function predictEnsemble(ensemble: TreeEnsemble, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let sum = 0;
    for (const tree of ensemble.trees) sum += predictTreeAt(tree, X.data, i * X.cols);
    out[i] = ensemble.init + ensemble.weight * sum;
  }
  return out;
}
