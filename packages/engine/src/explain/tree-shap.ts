/**
 * Exact path-dependent TreeSHAP for a tree ensemble (Lundberg, Erion & Lee 2018, "Consistent
 * individualized feature attribution for tree ensembles", Algorithm 2; Lundberg et al. 2020,
 * Nature Machine Intelligence; as `shap.TreeExplainer(feature_perturbation="tree_path_dependent")`).
 * The conditional expectation E[f(x) | x_S] follows the branch x takes for features in S and
 * averages both children weighted by training cover otherwise; the Shapley values of that game
 * are computed in polynomial time by tracking, along each root-to-leaf path, the proportion of
 * subsets of every size that flow through it.
 * Input: n × p rows. Cost O(n · T · L · D²) for T trees with L leaves and depth D; memory O(D²).
 * Batches of 64+ rows use per-leaf tables instead (fast-tree-shap.ts): O(T · Σ_leaves 2^K) once,
 * then O(T · (nodes + Σ_leaves K)) per row.
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, createMatrix, type Matrix } from '../core/matrix.js';
import type { TreeArrays, TreeEnsemble } from '../trees/tree-ensemble.js';
import { LeafTableTree, leafTableSize } from './fast-tree-shap.js';

/** SHAP values for a batch of rows, on the model's (encoded) columns. */
export interface ShapValues {
  /** E[f(X)] under the explainer's reference distribution. */
  readonly baseValue: number;
  /** rows × columns: contribution of column j to row i's prediction. */
  readonly values: Matrix;
  /** baseValue + Σ_j values[i, j], i.e. the model's output for row i. */
  readonly predictions: Float64Array;
}

/**
 * Expected value of the ensemble under the cover distribution:
 * init + weight · Σ_t Σ_leaves value · cover / rootCover.
 */
export function treeExpectedValue(ensemble: TreeEnsemble): number {
  let sum = 0;
  for (const tree of ensemble.trees) sum += treeMean(tree);
  return ensemble.init + ensemble.weight * sum;
}

function treeMean(tree: TreeArrays): number {
  const rootCover = tree.cover[0];
  if (!(rootCover > 0)) throw new EngineError('INVALID_SHAPE', 'a tree has a root cover of zero');
  let sum = 0;
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (tree.left[node] === -1) sum += tree.value[node] * tree.cover[node];
    else stack.push(tree.left[node], tree.right[node]);
  }
  return sum / rootCover;
}

function treeDepth(tree: TreeArrays): number {
  let max = 0;
  const stack: number[] = [0, 0];
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const node = stack.pop() as number;
    if (depth > max) max = depth;
    if (tree.left[node] !== -1) stack.push(tree.left[node], depth + 1, tree.right[node], depth + 1);
  }
  return max;
}

/** A tree with more per-leaf table entries than this (deep paths) uses the classic algorithm. */
const MAX_TABLE_ENTRIES = 1 << 20;

export interface TreeShapOptions {
  /**
   * 'auto' (default): per-leaf tables (fast-tree-shap.ts) for batches of 64+ rows when they fit
   * in memory (per tree), else Algorithm 2. 'classic': always Algorithm 2. 'tables': tables when
   * they fit.
   * All give the same values up to rounding.
   */
  readonly variant?: 'auto' | 'classic' | 'tables';
}

/** Path-dependent TreeSHAP values of every row of X (see the file header). */
export function treeShap(ensemble: TreeEnsemble, X: Matrix, options: TreeShapOptions = {}): ShapValues {
  const p = ensemble.nFeatures;
  if (X.cols !== p) {
    throw new EngineError('INVALID_SHAPE', `X has ${X.cols} columns, the ensemble expects ${p}`);
  }
  assertFinite(X, 'X');
  for (const tree of ensemble.trees) validateTree(tree, p);
  const baseValue = treeExpectedValue(ensemble);
  let maxDepth = 0;
  for (const tree of ensemble.trees) maxDepth = Math.max(maxDepth, treeDepth(tree));
  const ws = new Workspace(maxDepth + 2);
  const values = createMatrix(X.rows, p);
  const predictions = new Float64Array(X.rows);
  const variant = options.variant ?? 'auto';
  const tablesWanted = variant === 'tables' || (variant === 'auto' && X.rows >= 64);
  // Trees outer, rows inner: one tree's arrays (and tables) stay in cache while every row walks
  // it, and only one tree's tables are alive at a time. Row i's values accumulate in
  // values.data[i·p ..], the same offset as its input row.
  for (const tree of ensemble.trees) {
    if (tablesWanted && leafTableSize(tree) <= MAX_TABLE_ENTRIES) {
      const tables = new LeafTableTree(tree, p);
      for (let i = 0; i < X.rows; i++) tables.run(X.data, i * p, values.data);
    } else {
      for (let i = 0; i < X.rows; i++) ws.run(tree, X.data, i * p, values.data);
    }
  }
  for (let i = 0; i < X.rows; i++) {
    let total = baseValue;
    for (let j = 0; j < p; j++) {
      const v = ensemble.weight * values.data[i * p + j];
      values.data[i * p + j] = v;
      total += v;
    }
    predictions[i] = total;
  }
  return { baseValue, values, predictions };
}

function validateTree(tree: TreeArrays, p: number): void {
  const n = tree.left.length;
  if (n === 0) throw new EngineError('INVALID_SHAPE', 'a tree has no nodes');
  for (let k = 0; k < n; k++) {
    const l = tree.left[k];
    if (l === -1) continue;
    const f = tree.feature[k];
    if (f < 0 || f >= p || l <= k || l >= n || tree.right[k] <= k || tree.right[k] >= n) {
      throw new EngineError('INVALID_SHAPE', `tree node ${k} has an invalid split or children`);
    }
    if (!(tree.cover[k] > 0)) {
      throw new EngineError('INVALID_SHAPE', `tree node ${k} has a non-positive cover`);
    }
  }
}

/**
 * The "unique path" of Algorithm 2 in flat arrays, one slot of `width` elements per depth. The
 * first child copies its parent's path into the next depth's slot; the second child reuses the
 * parent's slot in place (the parent no longer needs it), which halves the copying.
 */
class Workspace {
  private readonly feature: Int32Array;
  private readonly zero: Float64Array;
  private readonly one: Float64Array;
  private readonly pweight: Float64Array;
  /** inv[k] = 1 / k: the recursions divide by small integers in their inner loops. */
  private readonly inv: Float64Array;
  private readonly width: number;
  private tree!: TreeArrays;
  private x!: Float64Array;
  private offset = 0;
  private phi!: Float64Array;

  constructor(maxPathLength: number) {
    this.width = maxPathLength + 1;
    const size = this.width * (maxPathLength + 1);
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.pweight = new Float64Array(size);
    this.inv = Float64Array.from({ length: maxPathLength + 2 }, (_, k) => (k === 0 ? 0 : 1 / k));
  }

  /** Adds the tree's SHAP values for the row at x[offset ..] into phi[offset ..]. */
  run(tree: TreeArrays, x: Float64Array, offset: number, phi: Float64Array): void {
    this.tree = tree;
    this.x = x;
    this.offset = offset;
    this.phi = phi;
    this.recurse(0, 0, 0, 0, -1, 1, 1, -1);
  }

  private recurse(
    node: number,
    depth: number,
    start: number,
    parentStart: number,
    parentDepth: number,
    zeroFraction: number,
    oneFraction: number,
    featureIndex: number,
  ): void {
    const { feature, zero, one, pweight } = this;
    // Copy the parent's path (its `parentDepth + 1` elements, after any unwinding).
    for (let k = 0; k <= parentDepth && start !== parentStart; k++) {
      feature[start + k] = feature[parentStart + k];
      zero[start + k] = zero[parentStart + k];
      one[start + k] = one[parentStart + k];
      pweight[start + k] = pweight[parentStart + k];
    }
    const uniqueDepth = parentDepth + 1;
    this.extend(start, uniqueDepth, zeroFraction, oneFraction, featureIndex);
    const tree = this.tree;
    const left = tree.left[node];
    if (left === -1) {
      const leafValue = tree.value[node];
      // Elements x does not follow (one fraction 0) all get the same contribution,
      // −(d + 1) · Σ_j pweight_j / (d − j) · leaf value: compute it once (Fast TreeSHAP v1's idea,
      // Yang 2021).
      let coldContribution = NaN;
      for (let i = 1; i <= uniqueDepth; i++) {
        if (one[start + i] === 0) {
          if (Number.isNaN(coldContribution)) {
            let total = 0;
            for (let j = uniqueDepth - 1; j >= 0; j--)
              total += pweight[start + j] * this.inv[uniqueDepth - j];
            coldContribution = -total * (uniqueDepth + 1) * leafValue;
          }
          this.phi[this.offset + feature[start + i]] += coldContribution;
        } else {
          const w = this.unwoundSum(start, uniqueDepth, i);
          this.phi[this.offset + feature[start + i]] += w * (one[start + i] - zero[start + i]) * leafValue;
        }
      }
      return;
    }
    const split = tree.feature[node];
    const right = tree.right[node];
    const goLeft = this.x[this.offset + split] <= tree.threshold[node];
    const hot = goLeft ? left : right;
    const cold = goLeft ? right : left;
    const cover = tree.cover[node];
    const hotZero = tree.cover[hot] / cover;
    const coldZero = tree.cover[cold] / cover;
    let incomingZero = 1;
    let incomingOne = 1;
    let d = uniqueDepth;
    // A feature already on the path: undo its earlier split so each feature appears once.
    let k = 1;
    while (k <= d && feature[start + k] !== split) k++;
    if (k <= d) {
      incomingZero = zero[start + k];
      incomingOne = one[start + k];
      this.unwind(start, d, k);
      d--;
    }
    // A cold child no training row reached carries no weight (and would divide 0 by 0).
    const coldAlive = coldZero * incomingZero > 0;
    const next = (depth + 1) * this.width;
    this.recurse(
      hot,
      depth + 1,
      coldAlive ? next : start,
      start,
      d,
      hotZero * incomingZero,
      incomingOne,
      split,
    );
    if (coldAlive) this.recurse(cold, depth + 1, start, start, d, coldZero * incomingZero, 0, split);
  }

  private extend(s: number, d: number, zeroFraction: number, oneFraction: number, f: number): void {
    const { feature, zero, one, pweight } = this;
    const inv = this.inv[d + 1];
    feature[s + d] = f;
    zero[s + d] = zeroFraction;
    one[s + d] = oneFraction;
    pweight[s + d] = d === 0 ? 1 : 0;
    for (let i = d - 1; i >= 0; i--) {
      pweight[s + i + 1] += oneFraction * pweight[s + i] * (i + 1) * inv;
      pweight[s + i] = zeroFraction * pweight[s + i] * (d - i) * inv;
    }
  }

  private unwind(s: number, d: number, pathIndex: number): void {
    const { feature, zero, one, pweight, inv } = this;
    const oneFraction = one[s + pathIndex];
    const zeroFraction = zero[s + pathIndex];
    let nextOnePortion = pweight[s + d];
    const invD = inv[d + 1];
    if (oneFraction !== 0) {
      const scale = (d + 1) / oneFraction;
      for (let i = d - 1; i >= 0; i--) {
        const tmp = pweight[s + i];
        pweight[s + i] = nextOnePortion * scale * inv[i + 1];
        nextOnePortion = tmp - pweight[s + i] * zeroFraction * (d - i) * invD;
      }
    } else {
      const scale = (d + 1) / zeroFraction;
      for (let i = d - 1; i >= 0; i--) pweight[s + i] = pweight[s + i] * scale * inv[d - i];
    }
    for (let i = pathIndex; i < d; i++) {
      feature[s + i] = feature[s + i + 1];
      zero[s + i] = zero[s + i + 1];
      one[s + i] = one[s + i + 1];
    }
  }

  /** Σ over subset sizes of the path weight with element `pathIndex` removed (no mutation). */
  private unwoundSum(s: number, d: number, pathIndex: number): number {
    const { zero, one, pweight, inv } = this;
    const oneFraction = one[s + pathIndex];
    const zeroFraction = zero[s + pathIndex];
    let total = 0;
    if (oneFraction !== 0) {
      const invOne = 1 / oneFraction;
      let nextOnePortion = pweight[s + d];
      for (let i = d - 1; i >= 0; i--) {
        const tmp = nextOnePortion * inv[i + 1] * invOne;
        total += tmp;
        nextOnePortion = pweight[s + i] - tmp * zeroFraction * (d - i);
      }
    } else {
      for (let i = d - 1; i >= 0; i--) total += pweight[s + i] * inv[d - i];
      total /= zeroFraction;
    }
    return total * (d + 1);
  }
}
