/**
 * Test-only helpers for the explain area: random trees with consistent covers, a tiny CART fitter,
 * and brute-force exact Shapley values by enumerating all 2^M coalitions. Not exported by the barrel.
 */
import { createMatrix, type Matrix } from '../core/matrix.js';
import type { Rng } from '../core/random.js';
import type { SerializedModel } from '../core/serialized-model.js';
import type { LinearRegressor, Regressor, TreeRegressor } from '../prediction/regressor.js';
import { predictEnsemble, type TreeArrays, type TreeEnsemble } from '../trees/tree-ensemble.js';

interface NodeSpec {
  feature: number;
  threshold: number;
  value: number;
  cover: number;
  left?: NodeSpec;
  right?: NodeSpec;
}

/** Flattens a nested tree into TreeArrays (pre-order, children after their parent). */
export function flattenTree(root: NodeSpec): TreeArrays {
  const nodes: NodeSpec[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const visit = (n: NodeSpec): number => {
    const id = nodes.length;
    nodes.push(n);
    left.push(-1);
    right.push(-1);
    if (n.left && n.right) {
      left[id] = visit(n.left);
      right[id] = visit(n.right);
    }
    return id;
  };
  visit(root);
  return {
    feature: Int32Array.from(nodes, (n, i) => (left[i] === -1 ? -1 : n.feature)),
    threshold: Float64Array.from(nodes, (n) => n.threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(nodes, (n) => n.value),
    cover: Float64Array.from(nodes, (n) => n.cover),
  };
}

/** A random tree over features in [0, 1): random splits, covers that add up, random leaf values. */
export function randomTree(rng: Rng, nFeatures: number, maxDepth: number, cover = 1000): TreeArrays {
  const grow = (depth: number, c: number): NodeSpec => {
    const value = rng.normal() * 5;
    if (depth >= maxDepth || c < 2 || (depth > 0 && rng.next() < 0.2)) {
      return { feature: -1, threshold: 0, value, cover: c };
    }
    const leftCover = Math.max(1, Math.min(c - 1, Math.round(c * (0.1 + 0.8 * rng.next()))));
    return {
      feature: rng.nextInt(nFeatures),
      threshold: rng.next(),
      value,
      cover: c,
      left: grow(depth + 1, leftCover),
      right: grow(depth + 1, c - leftCover),
    };
  };
  return flattenTree(grow(0, cover));
}

/** E[tree(x) | x_S] under the path-dependent (cover-weighted) distribution. */
export function pathDependentExpectation(
  tree: TreeArrays,
  x: ArrayLike<number>,
  inS: (f: number) => boolean,
): number {
  const go = (node: number): number => {
    if (tree.left[node] === -1) return tree.value[node];
    const f = tree.feature[node];
    const l = tree.left[node];
    const r = tree.right[node];
    if (inS(f)) return go(x[f] <= tree.threshold[node] ? l : r);
    return (tree.cover[l] * go(l) + tree.cover[r] * go(r)) / tree.cover[node];
  };
  return go(0);
}

/** Exact Shapley values of a game v over M players (coalitions as bit masks). */
export function bruteForceShapley(M: number, v: (mask: number) => number): Float64Array {
  const values = new Float64Array(1 << M);
  for (let mask = 0; mask < 1 << M; mask++) values[mask] = v(mask);
  const fact = [1];
  for (let i = 1; i <= M; i++) fact.push(fact[i - 1] * i);
  const phi = new Float64Array(M);
  for (let i = 0; i < M; i++) {
    for (let mask = 0; mask < 1 << M; mask++) {
      if (mask & (1 << i)) continue;
      const s = popcount(mask);
      const w = (fact[s] * fact[M - s - 1]) / fact[M];
      phi[i] += w * (values[mask | (1 << i)] - values[mask]);
    }
  }
  return phi;
}

function popcount(v: number): number {
  let c = 0;
  for (let m = v; m; m &= m - 1) c++;
  return c;
}

/** Brute-force path-dependent Shapley values of an ensemble at x (the TreeSHAP reference). */
export function bruteForceTreeShap(ensemble: TreeEnsemble, x: ArrayLike<number>): Float64Array {
  return bruteForceShapley(ensemble.nFeatures, (mask) => {
    let s = ensemble.init;
    for (const t of ensemble.trees) {
      s += ensemble.weight * pathDependentExpectation(t, x, (f) => (mask & (1 << f)) !== 0);
    }
    return s;
  });
}

/** Brute-force interventional Shapley values over groups of columns with a weighted background. */
export function bruteForceInterventional(
  predict: (X: Matrix) => Float64Array,
  x: ArrayLike<number>,
  background: Matrix,
  weights: ArrayLike<number>,
  groups: readonly (readonly number[])[],
): Float64Array {
  const p = x.length;
  return bruteForceShapley(groups.length, (mask) => {
    const X = createMatrix(background.rows, p);
    X.data.set(background.data);
    groups.forEach((cols, g) => {
      if (!(mask & (1 << g))) return;
      for (let b = 0; b < background.rows; b++) for (const c of cols) X.data[b * p + c] = x[c];
    });
    const y = predict(X);
    let s = 0;
    for (let b = 0; b < background.rows; b++) s += weights[b] * y[b];
    return s;
  });
}

const serialized = (kind: string): SerializedModel => ({ kind, version: 1, params: {} });

/** A TreeRegressor over an ensemble, as the prediction area's forests will look. */
export function treeRegressor(ensemble: TreeEnsemble): TreeRegressor {
  return {
    kind: 'test-trees',
    nFeatures: ensemble.nFeatures,
    ensemble,
    predict: (X) => predictEnsemble(ensemble, X),
    toJSON: () => serialized('test-trees'),
  };
}

/** A LinearRegressor as a plain object. */
export function linearRegressor(coefficients: ArrayLike<number>, intercept: number): LinearRegressor {
  const beta = Float64Array.from(coefficients);
  return {
    kind: 'test-linear',
    nFeatures: beta.length,
    coefficients: beta,
    intercept,
    predict: (X) => {
      const out = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) {
        let s = intercept;
        for (let j = 0; j < X.cols; j++) s += beta[j] * X.data[i * X.cols + j];
        out[i] = s;
      }
      return out;
    },
    toJSON: () => serialized('test-linear'),
  };
}

/** Any regressor from a row function (neither tree nor linear: Kernel SHAP applies). */
export function functionRegressor(nFeatures: number, f: (row: Float64Array) => number): Regressor {
  return {
    kind: 'test-function',
    nFeatures,
    predict: (X) => {
      const out = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) out[i] = f(X.data.subarray(i * X.cols, (i + 1) * X.cols));
      return out;
    },
    toJSON: () => serialized('test-function'),
  };
}

/** A tiny greedy CART regression tree (variance reduction, midpoint thresholds) for tests. */
export function fitTinyTree(
  X: Matrix,
  y: ArrayLike<number>,
  rows: readonly number[],
  maxDepth: number,
): TreeArrays {
  const grow = (idx: readonly number[], depth: number): NodeSpec => {
    let sum = 0;
    for (const i of idx) sum += y[i];
    const value = sum / idx.length;
    const leaf: NodeSpec = { feature: -1, threshold: 0, value, cover: idx.length };
    if (depth >= maxDepth || idx.length < 4) return leaf;
    let best = { gain: 1e-12, feature: -1, threshold: 0 };
    for (let f = 0; f < X.cols; f++) {
      const sorted = [...idx].sort((a, b) => X.data[a * X.cols + f] - X.data[b * X.cols + f]);
      let leftSum = 0;
      for (let k = 0; k < sorted.length - 1; k++) {
        leftSum += y[sorted[k]];
        const a = X.data[sorted[k] * X.cols + f];
        const b = X.data[sorted[k + 1] * X.cols + f];
        if (a === b) continue;
        const nl = k + 1;
        const nr = sorted.length - nl;
        const gain = (leftSum * leftSum) / nl + (sum - leftSum) ** 2 / nr - (sum * sum) / sorted.length;
        if (gain > best.gain) best = { gain, feature: f, threshold: (a + b) / 2 };
      }
    }
    if (best.feature === -1) return leaf;
    const l = idx.filter((i) => X.data[i * X.cols + best.feature] <= best.threshold);
    const r = idx.filter((i) => X.data[i * X.cols + best.feature] > best.threshold);
    return {
      ...leaf,
      feature: best.feature,
      threshold: best.threshold,
      left: grow(l, depth + 1),
      right: grow(r, depth + 1),
    };
  };
  return flattenTree(grow(rows, 0));
}
