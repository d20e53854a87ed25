/**
 * Histogram gradient-boosted regression trees with squared loss, as scikit-learn's
 * HistGradientBoostingRegressor: init = mean(y); each iteration fits a tree to the residuals
 * y − F(x) grown best-first up to `maxLeafNodes` leaves (and/or `maxDepth`), leaf value
 * Σresidual / (count + l2Regularization), and adds learningRate × tree. Early stopping holds out a
 * seeded `validationFraction` and stops when the validation loss has not improved by more than
 * `tolerance` over `nIterNoChange` iterations (sklearn's rule; 'auto' = on when n > 10,000).
 * Features are binned once (≤ 255 quantile bins, fitted on the training part); trees predict on raw
 * values through thresholds mapped back from bins.
 * Input: n×p matrix; O(iterations · n · p · depth).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.ensemble.HistGradientBoostingRegressor.html
 */
import type { Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { expectSerialized, type SerializedModel } from '../core/serialized-model.js';
import { trainTestSplit } from '../preprocessing/split.js';
import { binMatrix, fitFeatureBins, MAX_BINS, type BinnedData } from '../trees/feature-bins.js';
import { growTree } from '../trees/grow-tree.js';
import { predictEnsembleFast } from '../trees/predict-trees.js';
import {
  decodeTreeEnsemble,
  encodeTreeEnsemble,
  type TreeEnsembleJSON,
} from '../trees/tree-ensemble-json.js';
import type { TreeArrays, TreeEnsemble } from '../trees/tree-ensemble.js';
import type { TreeRegressor } from './regressor.js';
import { checkInteger, checkRange, resolveMaxFeatures, type MaxFeatures } from './tree-options.js';
import { validateFitInput, validatePredictInput } from './validate-input.js';

export const GRADIENT_BOOSTING_KIND = 'gradient-boosting';
const VERSION = 1;

export interface GradientBoostingOptions {
  /** Maximum boosting iterations; default 100. */
  readonly nEstimators?: number;
  /** Shrinkage; default 0.1. */
  readonly learningRate?: number;
  /** Default Infinity (limited by maxLeafNodes). */
  readonly maxDepth?: number;
  /** Default 31; Infinity for depth-limited trees only. */
  readonly maxLeafNodes?: number;
  /** Default 20. */
  readonly minSamplesLeaf?: number;
  /** L2 penalty on leaf values; default 0. */
  readonly l2Regularization?: number;
  /** Features drawn per node; default 1.0 (all). */
  readonly maxFeatures?: MaxFeatures;
  /** Default 255. */
  readonly maxBins?: number;
  /** Default 'auto' (on when n > 10,000). */
  readonly earlyStopping?: boolean | 'auto';
  /** Default 0.1. */
  readonly validationFraction?: number;
  /** Default 10. */
  readonly nIterNoChange?: number;
  /** Default 1e-7. */
  readonly tolerance?: number;
  /** Default 0. */
  readonly seed?: number;
}

type ResolvedBoostingOptions = Required<GradientBoostingOptions>;

export interface GradientBoostingModel extends TreeRegressor {
  readonly kind: typeof GRADIENT_BOOSTING_KIND;
  readonly options: ResolvedBoostingOptions;
  /** Trees actually fitted (≤ nEstimators). */
  readonly nIterations: number;
  readonly stoppedEarly: boolean;
  /** Half mean squared error on the training part after each iteration (index 0 = before any tree). */
  readonly trainLoss: readonly number[];
  /** The same on the validation part, when early stopping is on. */
  readonly validationLoss: readonly number[];
  toJSON(): SerializedModel<typeof GRADIENT_BOOSTING_KIND, GradientBoostingParams>;
}

export interface GradientBoostingParams {
  options: Record<string, unknown>;
  nIterations: number;
  stoppedEarly: boolean;
  ensemble: TreeEnsembleJSON;
}

const DEFAULTS: ResolvedBoostingOptions = {
  nEstimators: 100,
  learningRate: 0.1,
  maxDepth: Infinity,
  maxLeafNodes: 31,
  minSamplesLeaf: 20,
  l2Regularization: 0,
  maxFeatures: 1,
  maxBins: MAX_BINS,
  earlyStopping: 'auto',
  validationFraction: 0.1,
  nIterNoChange: 10,
  tolerance: 1e-7,
  seed: 0,
};

/** Fits gradient-boosted trees on the calling thread. */
export function fitGradientBoosting(
  X: Matrix,
  yIn: ArrayLike<number>,
  options: GradientBoostingOptions = {},
): GradientBoostingModel {
  validateFitInput(X, yIn);
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts = { ...DEFAULTS, ...defined } as ResolvedBoostingOptions;
  checkInteger('nEstimators', opts.nEstimators, 1);
  checkRange('learningRate', opts.learningRate, 0, Number.MAX_VALUE);
  checkInteger('maxDepth', opts.maxDepth, 1, true);
  checkInteger('maxLeafNodes', opts.maxLeafNodes, 2, true);
  checkInteger('minSamplesLeaf', opts.minSamplesLeaf, 1);
  checkRange('l2Regularization', opts.l2Regularization, 0, Number.MAX_VALUE, true);
  checkRange('validationFraction', opts.validationFraction, 0, 1);
  checkInteger('nIterNoChange', opts.nIterNoChange, 1);
  checkRange('tolerance', opts.tolerance, 0, Number.MAX_VALUE, true);
  const n = X.rows;
  const y = Float64Array.from(yIn);
  const early = opts.earlyStopping === 'auto' ? n > 10_000 : opts.earlyStopping;
  let train: Uint32Array;
  let val: Uint32Array = new Uint32Array(0);
  if (early) {
    const split = trainTestSplit(n, { testFraction: opts.validationFraction, seed: opts.seed });
    train = split.train.sort();
    val = split.test.sort();
  } else {
    train = Uint32Array.from({ length: n }, (_, i) => i);
  }
  const bins = fitFeatureBins(X, opts.maxBins, train);
  const data: BinnedData = { nRows: n, nFeatures: X.cols, codes: binMatrix(X, bins), bins };
  const params = {
    maxDepth: opts.maxDepth,
    minSamplesLeaf: opts.minSamplesLeaf,
    minSamplesSplit: 2 * opts.minSamplesLeaf,
    maxFeatures: resolveMaxFeatures(opts.maxFeatures, X.cols),
    maxLeafNodes: opts.maxLeafNodes,
    l2: opts.l2Regularization,
  };
  let init = 0;
  for (const r of train) init += y[r];
  init /= train.length;
  const pred = new Float64Array(n).fill(init);
  const residual = new Float64Array(n);
  const rowsBuf = new Uint32Array(train.length);
  const rng = createRng(opts.seed);
  const lr = opts.learningRate;
  const trees: TreeArrays[] = [];
  const halfMse = (rows: Uint32Array) => {
    let s = 0;
    for (const r of rows) s += (y[r] - pred[r]) ** 2;
    return s / (2 * rows.length);
  };
  const trainLoss = [halfMse(train)];
  const validationLoss = early ? [halfMse(val)] : [];
  let stoppedEarly = false;
  for (let it = 0; it < opts.nEstimators; it++) {
    for (const r of train) residual[r] = y[r] - pred[r];
    rowsBuf.set(train);
    const grown = growTree(data, residual, null, rowsBuf, params, rng, (leafRows, value) => {
      for (let k = 0; k < leafRows.length; k++) pred[leafRows[k]] += lr * value;
    });
    trees.push(grown.tree);
    trainLoss.push(halfMse(train));
    if (early) {
      const { feature, left, right, value } = grown.tree;
      const binThreshold = grown.binThreshold;
      for (const r of val) {
        let node = 0;
        while (left[node] !== -1) {
          node = data.codes[r * X.cols + feature[node]] <= binThreshold[node] ? left[node] : right[node];
        }
        pred[r] += lr * value[node];
      }
      validationLoss.push(halfMse(val));
      if (shouldStop(validationLoss, opts.nIterNoChange, opts.tolerance)) {
        stoppedEarly = true;
        break;
      }
    }
  }
  const ensemble: TreeEnsemble = { trees, init, weight: lr, nFeatures: X.cols };
  return boostingFrom(opts, ensemble, stoppedEarly, trainLoss, validationLoss);
}

/** sklearn's rule: stop when none of the last k losses beats the loss k+1 iterations ago by > tol. */
function shouldStop(losses: readonly number[], k: number, tol: number): boolean {
  if (losses.length < k + 1) return false;
  const reference = losses[losses.length - k - 1] - tol;
  for (let i = losses.length - k; i < losses.length; i++) if (losses[i] < reference) return false;
  return true;
}

function boostingFrom(
  opts: ResolvedBoostingOptions,
  ensemble: TreeEnsemble,
  stoppedEarly: boolean,
  trainLoss: readonly number[],
  validationLoss: readonly number[],
): GradientBoostingModel {
  const p = ensemble.nFeatures;
  return {
    kind: GRADIENT_BOOSTING_KIND,
    nFeatures: p,
    ensemble,
    options: opts,
    nIterations: ensemble.trees.length,
    stoppedEarly,
    trainLoss,
    validationLoss,
    predict(X) {
      validatePredictInput(X, p);
      return predictEnsembleFast(ensemble, X);
    },
    toJSON: () => ({
      kind: GRADIENT_BOOSTING_KIND,
      version: VERSION,
      params: {
        // Infinity is not JSON: unlimited depth / leaves are stored as null.
        options: {
          ...opts,
          maxDepth: Number.isFinite(opts.maxDepth) ? opts.maxDepth : null,
          maxLeafNodes: Number.isFinite(opts.maxLeafNodes) ? opts.maxLeafNodes : null,
        },
        nIterations: ensemble.trees.length,
        stoppedEarly,
        ensemble: encodeTreeEnsemble(ensemble),
      },
    }),
  };
}

/** Rebuilds a boosted model from toJSON() output (loss curves are not stored). */
export function gradientBoostingFromJSON(json: unknown): GradientBoostingModel {
  const s = expectSerialized(json, GRADIENT_BOOSTING_KIND, [VERSION]);
  const p = s.params as GradientBoostingParams;
  const o = p.options as Record<string, unknown>;
  const opts = {
    ...o,
    maxDepth: o.maxDepth ?? Infinity,
    maxLeafNodes: o.maxLeafNodes ?? Infinity,
  } as ResolvedBoostingOptions;
  return boostingFrom(opts, decodeTreeEnsemble(p.ensemble), p.stoppedEarly, [], []);
}
