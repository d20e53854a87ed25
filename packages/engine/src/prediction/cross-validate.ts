/**
 * Model evaluation on a design matrix: k-fold cross-validation (per-fold and mean metrics,
 * out-of-fold predictions) and a seeded hold-out split. `fit` may be async (worker-thread forests).
 * Reference: https://scikit-learn.org/stable/modules/cross_validation.html
 */
import { selectRows, type Matrix } from '../core/matrix.js';
import { kFold, trainTestSplit } from '../preprocessing/split.js';
import { meanMetrics, regressionMetrics, type RegressionMetrics } from './regression-metrics.js';
import type { Regressor } from './regressor.js';

export type FitRegressor = (X: Matrix, y: Float64Array) => Regressor | Promise<Regressor>;

export interface CrossValidationResult {
  readonly k: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly folds: readonly RegressionMetrics[];
  readonly mean: RegressionMetrics;
  /** Prediction for every row from the model that did not see it. */
  readonly oofPredictions: Float64Array;
}

export interface HoldoutResult {
  readonly testFraction: number;
  readonly seed: number;
  readonly metrics: RegressionMetrics;
  readonly testIndices: Uint32Array;
  readonly predictions: Float64Array;
}

const pick = (y: ArrayLike<number>, idx: Uint32Array) => Float64Array.from(idx, (i) => y[i]);

/** k-fold cross-validation (default k 5, shuffled with seed 0). */
export async function crossValidate(
  X: Matrix,
  y: ArrayLike<number>,
  fit: FitRegressor,
  options: { k?: number; shuffle?: boolean; seed?: number } = {},
): Promise<CrossValidationResult> {
  const k = options.k ?? 5;
  const shuffle = options.shuffle ?? true;
  const seed = options.seed ?? 0;
  const oof = new Float64Array(X.rows);
  const folds: RegressionMetrics[] = [];
  for (const fold of kFold(X.rows, { k, shuffle, seed })) {
    const model = await fit(selectRows(X, fold.train), pick(y, fold.train));
    const pred = model.predict(selectRows(X, fold.test));
    fold.test.forEach((row, j) => (oof[row] = pred[j]));
    folds.push(regressionMetrics(pick(y, fold.test), pred));
  }
  return { k, shuffle, seed, folds, mean: meanMetrics(folds), oofPredictions: oof };
}

/** Fits on a seeded training part and scores on the rest (default 20 %). */
export async function holdoutEvaluate(
  X: Matrix,
  y: ArrayLike<number>,
  fit: FitRegressor,
  options: { testFraction?: number; seed?: number } = {},
): Promise<HoldoutResult> {
  const testFraction = options.testFraction ?? 0.2;
  const seed = options.seed ?? 0;
  const split = trainTestSplit(X.rows, { testFraction, seed });
  const model = await fit(selectRows(X, split.train), pick(y, split.train));
  const predictions = model.predict(selectRows(X, split.test));
  return {
    testFraction,
    seed,
    metrics: regressionMetrics(pick(y, split.test), predictions),
    testIndices: split.test,
    predictions,
  };
}
