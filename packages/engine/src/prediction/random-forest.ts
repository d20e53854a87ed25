/**
 * Random forest regressor (Breiman 2001) on histogram-binned features: bootstrap samples,
 * `maxFeatures` features drawn at every node, fully grown trees by default — scikit-learn's
 * RandomForestRegressor defaults (maxFeatures 1.0 = all features). Each feature is binned once into
 * ≤ 255 quantile bins; thresholds are mapped back to real values, so the trees predict on raw
 * (encoded, unbinned) rows. fitRandomForestParallel grows the trees on worker threads.
 * Optional out-of-bag predictions average, for each row, the trees whose bootstrap left it out.
 * Input: n×p matrix; O(T·n·p·depth) to fit, O(T·depth) per prediction.
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.ensemble.RandomForestRegressor.html
 */
import { availableParallelism } from 'node:os';
import type { Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { expectSerialized, type SerializedModel } from '../core/serialized-model.js';
import { binMatrix, fitFeatureBins, MAX_BINS, type BinnedData } from '../trees/feature-bins.js';
import { bootstrapCounts, growForestTree, type ForestTreeJob } from '../trees/forest-trees.js';
import { growForestParallel } from '../trees/grow-forest-parallel.js';
import {
  decodeTreeEnsemble,
  encodeTreeEnsemble,
  type TreeEnsembleJSON,
} from '../trees/tree-ensemble-json.js';
import { predictEnsembleFast } from '../trees/predict-trees.js';
import { predictTreeAt, type TreeArrays, type TreeEnsemble } from '../trees/tree-ensemble.js';
import { regressionMetrics } from './regression-metrics.js';
import type { TreeRegressor } from './regressor.js';
import { checkInteger, checkRange, resolveMaxFeatures, type MaxFeatures } from './tree-options.js';
import { validateFitInput, validatePredictInput } from './validate-input.js';

export const RANDOM_FOREST_KIND = 'random-forest';
const VERSION = 1;

export interface RandomForestOptions {
  /** Default 100. */
  readonly nEstimators?: number;
  /** Default Infinity (grow until leaves are pure or minSamples* stop it). */
  readonly maxDepth?: number;
  /** Default 1. */
  readonly minSamplesLeaf?: number;
  /** Default 2. */
  readonly minSamplesSplit?: number;
  /** Default 1.0 (all features), as sklearn's regressor. */
  readonly maxFeatures?: MaxFeatures;
  /** Default true. */
  readonly bootstrap?: boolean;
  /** Bootstrap sample size as a fraction of n; default 1. */
  readonly maxSamples?: number;
  /** Histogram bins per feature, ≤ 255; default 255. */
  readonly maxBins?: number;
  /** Compute out-of-bag predictions and R² (needs bootstrap); default false. */
  readonly computeOob?: boolean;
  /** Default 0. */
  readonly seed?: number;
  /** Worker threads for fitRandomForestParallel; default the machine's available parallelism. */
  readonly nThreads?: number;
  /** rows × trees below which fitRandomForestParallel stays on the calling thread; default 2,000,000. */
  readonly minParallelWork?: number;
}

type ResolvedForestOptions = Required<Omit<RandomForestOptions, 'nThreads' | 'minParallelWork'>>;

export interface RandomForestModel extends TreeRegressor {
  readonly kind: typeof RANDOM_FOREST_KIND;
  readonly options: ResolvedForestOptions;
  /** Out-of-bag prediction per training row (NaN where no tree left the row out), when computeOob. */
  readonly oobPredictions?: Float64Array;
  /** R² of the out-of-bag predictions, when computeOob. */
  readonly oobR2?: number;
  /** Per-tree predictions, tree-major: out[t * rows + i]. */
  predictPerTree(X: Matrix): Float64Array;
  toJSON(): SerializedModel<typeof RANDOM_FOREST_KIND, RandomForestParams>;
}

export interface RandomForestParams {
  options: Omit<ResolvedForestOptions, 'maxDepth'> & { maxDepth: number | null };
  ensemble: TreeEnsembleJSON;
}

const DEFAULTS: ResolvedForestOptions = {
  nEstimators: 100,
  maxDepth: Infinity,
  minSamplesLeaf: 1,
  minSamplesSplit: 2,
  maxFeatures: 1,
  bootstrap: true,
  maxSamples: 1,
  maxBins: MAX_BINS,
  computeOob: false,
  seed: 0,
};

interface Prepared {
  opts: ResolvedForestOptions;
  data: BinnedData;
  y: Float64Array;
  seeds: number[];
  job: ForestTreeJob;
}

function prepare(X: Matrix, yIn: ArrayLike<number>, options: RandomForestOptions): Prepared {
  validateFitInput(X, yIn);
  const { nThreads: _nThreads, minParallelWork: _minWork, ...modelOptions } = options;
  const opts: ResolvedForestOptions = {
    ...DEFAULTS,
    ...stripUndefined(modelOptions),
  } as ResolvedForestOptions;
  checkInteger('nEstimators', opts.nEstimators, 1);
  checkInteger('maxDepth', opts.maxDepth, 1, true);
  checkInteger('minSamplesLeaf', opts.minSamplesLeaf, 1);
  checkInteger('minSamplesSplit', opts.minSamplesSplit, 2);
  checkRange('maxSamples', opts.maxSamples, 0, 1, true);
  if (opts.maxSamples === 0) checkRange('maxSamples', 0, 0, 1);
  const maxFeatures = resolveMaxFeatures(opts.maxFeatures, X.cols);
  const bins = fitFeatureBins(X, opts.maxBins);
  const data: BinnedData = { nRows: X.rows, nFeatures: X.cols, codes: binMatrix(X, bins), bins };
  const rng = createRng(opts.seed);
  const seeds = Array.from({ length: opts.nEstimators }, () => rng.nextSeed());
  const job: ForestTreeJob = {
    params: {
      maxDepth: opts.maxDepth,
      minSamplesLeaf: opts.minSamplesLeaf,
      minSamplesSplit: opts.minSamplesSplit,
      maxFeatures,
      maxLeafNodes: Infinity,
      l2: 0,
    },
    bootstrap: opts.bootstrap,
    nSamples: Math.max(1, Math.round(opts.maxSamples * X.rows)),
  };
  return { opts, data, y: Float64Array.from(yIn), seeds, job };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Fits a random forest on the calling thread. */
export function fitRandomForest(
  X: Matrix,
  y: ArrayLike<number>,
  options: RandomForestOptions = {},
): RandomForestModel {
  const prep = prepare(X, y, options);
  const trees = prep.seeds.map((seed) => growForestTree(prep.data, prep.y, seed, prep.job));
  return finish(prep, trees, X);
}

/**
 * Fits a random forest with trees grown on worker threads (identical result to fitRandomForest
 * for the same options). Falls back to the calling thread for small fits (rows × trees < 2M), where
 * starting workers (~0.3 s each with tsx) costs more than it saves, and when workers fail to start.
 */
export async function fitRandomForestParallel(
  X: Matrix,
  y: ArrayLike<number>,
  options: RandomForestOptions = {},
): Promise<RandomForestModel> {
  const prep = prepare(X, y, options);
  const nThreads = options.nThreads ?? availableParallelism();
  checkInteger('nThreads', nThreads, 1);
  const work = X.rows * prep.opts.nEstimators;
  const serial = () => prep.seeds.map((seed) => growForestTree(prep.data, prep.y, seed, prep.job));
  let trees: TreeArrays[];
  if (nThreads > 1 && work >= (options.minParallelWork ?? 2_000_000)) {
    // Same trees either way; if workers cannot start (e.g. a runtime without tsx), grow them here.
    trees = await growForestParallel(prep.data, prep.y, prep.seeds, prep.job, nThreads).catch(serial);
  } else {
    trees = serial();
  }
  return finish(prep, trees, X);
}

function finish(prep: Prepared, trees: TreeArrays[], X: Matrix): RandomForestModel {
  const ensemble: TreeEnsemble = { trees, init: 0, weight: 1 / trees.length, nFeatures: X.cols };
  let oobPredictions: Float64Array | undefined;
  let oobR2: number | undefined;
  if (prep.opts.computeOob && prep.opts.bootstrap) {
    const n = X.rows;
    const sum = new Float64Array(n);
    const count = new Float64Array(n);
    trees.forEach((tree, t) => {
      const counts = bootstrapCounts(n, prep.seeds[t], prep.job);
      for (let i = 0; i < n; i++) {
        if (counts[i] === 0) {
          sum[i] += predictTreeAt(tree, X.data, i * X.cols);
          count[i]++;
        }
      }
    });
    oobPredictions = Float64Array.from(sum, (s, i) => (count[i] > 0 ? s / count[i] : NaN));
    const keep: number[] = [];
    for (let i = 0; i < n; i++) if (count[i] > 0) keep.push(i);
    if (keep.length > 1) {
      oobR2 = regressionMetrics(
        Float64Array.from(keep, (i) => prep.y[i]),
        Float64Array.from(keep, (i) => oobPredictions![i]),
      ).r2;
    }
  }
  return forestFrom(prep.opts, ensemble, oobPredictions, oobR2);
}

function forestFrom(
  opts: ResolvedForestOptions,
  ensemble: TreeEnsemble,
  oobPredictions?: Float64Array,
  oobR2?: number,
): RandomForestModel {
  const p = ensemble.nFeatures;
  return {
    kind: RANDOM_FOREST_KIND,
    nFeatures: p,
    ensemble,
    options: opts,
    oobPredictions,
    oobR2,
    predict(X) {
      validatePredictInput(X, p);
      return predictEnsembleFast(ensemble, X);
    },
    predictPerTree(X) {
      validatePredictInput(X, p);
      const T = ensemble.trees.length;
      const out = new Float64Array(T * X.rows);
      for (let t = 0; t < T; t++) {
        const tree = ensemble.trees[t];
        for (let i = 0; i < X.rows; i++) out[t * X.rows + i] = predictTreeAt(tree, X.data, i * p);
      }
      return out;
    },
    toJSON: () => ({
      kind: RANDOM_FOREST_KIND,
      version: VERSION,
      params: {
        options: { ...opts, maxDepth: Number.isFinite(opts.maxDepth) ? opts.maxDepth : null },
        ensemble: encodeTreeEnsemble(ensemble),
      },
    }),
  };
}

/** Rebuilds a forest from toJSON() output (out-of-bag predictions are not stored). */
export function randomForestFromJSON(json: unknown): RandomForestModel {
  const s = expectSerialized(json, RANDOM_FOREST_KIND, [VERSION]);
  const p = s.params as RandomForestParams;
  const opts = { ...p.options, maxDepth: p.options.maxDepth ?? Infinity } as ResolvedForestOptions;
  return forestFrom(opts, decodeTreeEnsemble(p.ensemble));
}
