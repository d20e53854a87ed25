/**
 * k-means (function-first): `fitKMeans(X, options) → KMeansModel`.
 * Input: X n×d, finite, n ≥ nClusters. Cost O(nInit · iterations · n · k · d) worst case; Hamerly's
 * bounds skip most distance computations after the first iterations. Memory O(n) per restart.
 * Reference: scikit-learn `KMeans` (greedy k-means++, n_init restarts keeping the lowest inertia,
 * tol relative to the mean feature variance), https://scikit-learn.org/stable/modules/clustering.html#k-means
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import {
  decodeFloats,
  encodeFloats,
  expectSerialized,
  type SerializedModel,
} from '../core/serialized-model.js';
import {
  absoluteTolerance,
  assignNearest,
  createScratch,
  kmeansPlusPlus,
  lloydHamerly,
  type KMeansRun,
} from './kmeans-core.js';

/** Hyperparameters (scikit-learn names in camelCase). */
export interface KMeansOptions {
  /** Number of clusters k (default 8, as scikit-learn). */
  nClusters?: number;
  /** Restarts from different k-means++ seeds; the lowest inertia wins (default 10, the original's config). */
  nInit?: number;
  /** Lloyd iterations per restart (default 300). */
  maxIterations?: number;
  /** Relative tolerance: stop when Σ‖Δcentre‖² ≤ tolerance × mean feature variance (default 1e-4). */
  tolerance?: number;
  /** Seed of every random choice (default 42). */
  seed?: number;
  /** Start from these centres (k×d) instead of k-means++; then nInit is 1. */
  initialCenters?: Matrix;
}

export type ResolvedKMeansOptions = Required<Omit<KMeansOptions, 'initialCenters'>> & {
  initialCenters?: Matrix;
};

export const KMEANS_DEFAULTS = Object.freeze({
  nClusters: 8,
  nInit: 10,
  maxIterations: 300,
  tolerance: 1e-4,
  seed: 42,
});

/** A fitted k-means model. */
export interface KMeansModel {
  readonly kind: 'kmeans';
  readonly nClusters: number;
  readonly nFeatures: number;
  /** k×d cluster centres. */
  readonly centers: Matrix;
  /** Training labels (empty for a model rebuilt from JSON). */
  readonly labels: Int32Array;
  /** Sum of squared distances of training rows to their centre. */
  readonly inertia: number;
  /** Iterations of the winning restart. */
  readonly iterations: number;
  /** Whether the winning restart met the tolerance before maxIterations. */
  readonly converged: boolean;
  readonly warnings: readonly string[];
  /** Nearest centre per row. */
  predict(X: Matrix): Int32Array;
  toJSON(): SerializedModel<'kmeans', KMeansParams>;
}

export interface KMeansParams {
  nClusters: number;
  nFeatures: number;
  centers: number[];
  inertia: number;
  iterations: number;
  converged: boolean;
  warnings: string[];
}

/** Merges defaults and checks options against the data size. The one place defaults live. */
export function resolveKMeansOptions(options: KMeansOptions, n: number, d: number): ResolvedKMeansOptions {
  const o = { ...KMEANS_DEFAULTS, ...stripUndefined(options) } as ResolvedKMeansOptions;
  checkInt('nClusters', o.nClusters, 1);
  checkInt('nInit', o.nInit, 1);
  checkInt('maxIterations', o.maxIterations, 1);
  if (!(o.tolerance >= 0)) throw new EngineError('INVALID_OPTION', 'tolerance must be ≥ 0');
  if (!Number.isFinite(o.seed)) throw new EngineError('INVALID_OPTION', 'seed must be a finite number');
  if (o.nClusters > n) {
    throw new EngineError('INVALID_OPTION', `nClusters=${o.nClusters} exceeds the ${n} rows`, {
      nClusters: o.nClusters,
      rows: n,
    });
  }
  if (o.initialCenters) {
    const c = o.initialCenters;
    if (c.rows !== o.nClusters || c.cols !== d) {
      throw new EngineError('INVALID_SHAPE', `initialCenters must be ${o.nClusters}×${d}`);
    }
    assertFinite(c, 'initialCenters');
  }
  return o;
}

/** Validates X at a public entry point: non-empty, finite. */
export function assertClusterInput(X: Matrix, what = 'X'): void {
  if (X.rows === 0 || X.cols === 0) throw new EngineError('EMPTY_INPUT', `${what} has no rows or no columns`);
  if (X.data.length !== X.rows * X.cols) {
    throw new EngineError('INVALID_SHAPE', `${what} buffer does not match ${X.rows}×${X.cols}`);
  }
  assertFinite(X, what);
}

/** The seeds of the nInit restarts: fixed by `seed`, independent of how restarts are scheduled. */
export function restartSeeds(seed: number, nInit: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: nInit }, () => rng.nextSeed());
}

/**
 * Runs restarts on this thread: the given list, or — with a shared counter — whichever restart index
 * is claimed next (so threads that start late simply take fewer). Returns the best run and its index
 * (ties go to the lower index, as each thread claims indices in increasing order).
 */
export function runRestarts(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  seeds: readonly number[],
  indices: readonly number[] | Int32Array,
  maxIterations: number,
  tolAbs: number,
  initialCenters?: Float64Array,
  onDone?: (index: number) => void,
): { run: KMeansRun; index: number } | undefined {
  const scratch = createScratch(n);
  let best: { run: KMeansRun; index: number } | undefined;
  const claim =
    indices instanceof Int32Array
      ? (() => {
          const counter = indices;
          return function* (): Generator<number> {
            for (let r = Atomics.add(counter, 0, 1); r < seeds.length; r = Atomics.add(counter, 0, 1))
              yield r;
          };
        })()
      : function* (): Generator<number> {
          yield* indices;
        };
  for (const r of claim()) {
    const init = initialCenters ?? kmeansPlusPlus(data, n, d, k, seeds[r], scratch);
    const run = lloydHamerly(data, n, d, k, init, maxIterations, tolAbs, scratch);
    if (!best || run.inertia < best.run.inertia) best = { run, index: r };
    onDone?.(r);
  }
  return best;
}

/** Fits k-means on this thread. See `fitKMeansParallel` for the two-core variant. */
export function fitKMeans(X: Matrix, options: KMeansOptions = {}): KMeansModel {
  assertClusterInput(X);
  const o = resolveKMeansOptions(options, X.rows, X.cols);
  const { rows: n, cols: d } = X;
  const tolAbs = absoluteTolerance(X.data, n, d, o.tolerance);
  const nInit = o.initialCenters ? 1 : o.nInit;
  const seeds = restartSeeds(o.seed, nInit);
  const best = runRestarts(
    X.data,
    n,
    d,
    o.nClusters,
    seeds,
    seeds.map((_, i) => i),
    o.maxIterations,
    tolAbs,
    o.initialCenters?.data,
  )!;
  return modelFromRun(best.run, n, d, o.nClusters);
}

/** Builds the model object of a finished run. */
export function modelFromRun(run: KMeansRun, n: number, d: number, k: number): KMeansModel {
  const warnings: string[] = [];
  if (!run.converged) warnings.push(`k-means did not converge within ${run.iterations} iterations`);
  const distinct = new Set(run.labels).size;
  if (distinct < k) warnings.push(`only ${distinct} distinct clusters were found for nClusters=${k}`);
  void n;
  return createKMeansModel(
    {
      nClusters: k,
      nFeatures: d,
      centers: encodeFloats(run.centers),
      inertia: run.inertia,
      iterations: run.iterations,
      converged: run.converged,
      warnings,
    },
    run.labels,
    run.centers,
  );
}

/** Wraps fitted parameters (and training labels, possibly empty) as a model object. */
export function createKMeansModel(
  params: KMeansParams,
  labels: Int32Array,
  centersData?: Float64Array,
): KMeansModel {
  const k = params.nClusters;
  const d = params.nFeatures;
  const centers: Matrix = { data: centersData ?? decodeFloats(params.centers), rows: k, cols: d };
  return {
    kind: 'kmeans',
    nClusters: k,
    nFeatures: d,
    centers,
    labels,
    inertia: params.inertia,
    iterations: params.iterations,
    converged: params.converged,
    warnings: params.warnings,
    predict(X: Matrix): Int32Array {
      assertClusterInput(X);
      if (X.cols !== d) throw new EngineError('INVALID_SHAPE', `expected ${d} columns, got ${X.cols}`);
      const out = new Int32Array(X.rows);
      assignNearest(X.data, X.rows, d, centers.data, k, out);
      return out;
    },
    toJSON: () => ({ kind: 'kmeans', version: 1, params: { ...params, warnings: [...params.warnings] } }),
  };
}

/** Rebuilds a k-means model from `toJSON()` output (training labels are not serialized). */
export function kmeansFromJSON(json: unknown): KMeansModel {
  const s = expectSerialized(json, 'kmeans', [1]);
  const p = s.params as KMeansParams;
  if (!Array.isArray(p?.centers) || p.centers.length !== p.nClusters * p.nFeatures) {
    throw new EngineError('INVALID_SHAPE', 'serialized k-means centres do not match nClusters×nFeatures');
  }
  return createKMeansModel(p, new Int32Array(0));
}

/** `KMeansModel.fromJSON(json)` — static-style access to `kmeansFromJSON`. */
export const KMeansModel = Object.freeze({ fromJSON: kmeansFromJSON });

function checkInt(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) {
    throw new EngineError('INVALID_OPTION', `${name} must be an integer ≥ ${min}, got ${v}`, { [name]: v });
  }
}

/** Drops undefined values so they do not override defaults. */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(o))
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

export { checkInt as checkIntegerOption };
