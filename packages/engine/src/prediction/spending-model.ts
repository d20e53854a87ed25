/**
 * The spending-score model the platform stores and the API calls per row: a fitted tabular
 * transformer + a regressor (linear, random forest or gradient boosting) + a conformal prediction
 * interval + evaluation metrics, serializable as one document (kind 'spending-model').
 *
 * Decisions: the transformer is refitted inside every CV fold / hold-out split (no leakage of
 * medians, scaling or categories); the final model is fitted on all rows. The interval half-width
 * comes from out-of-fold residuals (or hold-out residuals when cvFolds = 0), see
 * prediction-interval.ts. Predictions are NOT clamped unless `clamp` is given (the API clamps to
 * 0..100 for the seed's compatibility; data scientists see the raw model output). Rows whose target
 * is missing are dropped before fitting and counted in `droppedRows`.
 * Cost: (cvFolds + 1 [+ 1 with hold-out]) model fits.
 */
import { EngineError } from '../core/engine-error.js';
import { matrixFrom, selectRows, type Matrix } from '../core/matrix.js';
import { createRng, shuffledIndices } from '../core/random.js';
import { expectSerialized, type SerializedModel } from '../core/serialized-model.js';
import {
  SPENDING_CATEGORICAL_FEATURES,
  SPENDING_NUMERIC_FEATURES,
  SPENDING_TARGET,
} from '../preprocessing/customer-columns.js';
import { decodeExactFloats, encodeExactFloats, type ExactFloat } from '../preprocessing/exact-floats.js';
import { kFold, trainTestSplit } from '../preprocessing/split.js';
import { getNumericColumn, selectTableRows, type RawRow, type Table } from '../preprocessing/table.js';
import {
  fitTabularTransformer,
  tabularTransformerFromJSON,
  type TabularTransformer,
} from '../preprocessing/tabular-transformer.js';
import { fitGradientBoosting, type GradientBoostingOptions } from './gradient-boosting.js';
import { fitLinearRegression, type LinearRegressionOptions } from './linear-regression.js';
import {
  calibrateInterval,
  DEFAULT_INTERVAL_LEVEL,
  type IntervalCalibration,
} from './prediction-interval.js';
import { fitRandomForest, fitRandomForestParallel, type RandomForestOptions } from './random-forest.js';
import { regressorFromJSON } from './regressor-from-json.js';
import { meanMetrics, regressionMetrics, type RegressionMetrics } from './regression-metrics.js';
import type { FeatureGroup, Regressor } from './regressor.js';

export const SPENDING_MODEL_KIND = 'spending-model';
const VERSION = 1;
const BACKGROUND_ROWS = 100;

export type SpendingAlgorithm = 'linear' | 'random-forest' | 'gradient-boosting';

export interface SpendingModelOptions {
  /** Default 'random-forest'. */
  readonly algorithm?: SpendingAlgorithm;
  /** Default annual_income, age, work_experience, family_size. */
  readonly numeric?: readonly string[];
  /** Default ['profession']; add 'gender' to use it. */
  readonly categorical?: readonly string[];
  /** Default 'spending_score'. */
  readonly target?: string;
  /** Drop each categorical's first category column (seed config drop_first); default true. */
  readonly dropFirst?: boolean;
  /** Standard-scale numeric features; default true. */
  readonly scale?: boolean;
  readonly linear?: LinearRegressionOptions;
  /** Forest options; seed defaults to the model seed. */
  readonly randomForest?: RandomForestOptions;
  /** Boosting options; seed defaults to the model seed, earlyStopping defaults to true. */
  readonly gradientBoosting?: GradientBoostingOptions;
  /** k of k-fold CV (0 = none); default 5. */
  readonly cvFolds?: number;
  /** Shuffle the CV folds with the seed; default true (false = sklearn KFold default, the seed's behaviour). */
  readonly cvShuffle?: boolean;
  /** Also score on a seeded hold-out split of this fraction; default none. */
  readonly holdoutFraction?: number;
  /** Interval coverage level; default 0.9. */
  readonly intervalLevel?: number;
  /** Clamp predictions and bounds into [min, max]; default none. */
  readonly clamp?: { readonly min: number; readonly max: number } | null;
  /** Grow forests on worker threads; default true. */
  readonly parallel?: boolean;
  /** Default 42. */
  readonly seed?: number;
}

export interface CrossValidationSummary {
  readonly k: number;
  readonly shuffle: boolean;
  readonly folds: readonly RegressionMetrics[];
  readonly mean: RegressionMetrics;
  /** Out-of-fold prediction per training row (in memory only; not serialized). */
  readonly oofPredictions?: Float64Array;
}

export interface HoldoutSummary {
  readonly testFraction: number;
  readonly metrics: RegressionMetrics;
}

export interface SpendingPrediction {
  readonly prediction: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SpendingModel {
  readonly kind: typeof SPENDING_MODEL_KIND;
  readonly algorithm: SpendingAlgorithm;
  readonly target: string;
  /** Original feature names (numeric then categorical), as in featureGroups. */
  readonly featureNames: readonly string[];
  /** Design-matrix column names, e.g. "profession=Doctor". */
  readonly outputColumnNames: readonly string[];
  /** Design columns per original feature, for explanations. */
  readonly featureGroups: readonly FeatureGroup[];
  readonly transformer: TabularTransformer;
  /** The fitted regressor on the design matrix (TreeRegressor or LinearRegressor). */
  readonly regressor: Regressor;
  readonly interval: IntervalCalibration;
  readonly metrics: { readonly crossValidation?: CrossValidationSummary; readonly holdout?: HoldoutSummary };
  readonly clamp: { readonly min: number; readonly max: number } | null;
  readonly trainingRows: number;
  readonly droppedRows: number;
  /** Up to 100 training design rows (seeded sample): the background set for SHAP / LIME. */
  readonly background: Matrix;
  /** Encodes raw rows or a table into the design matrix the regressor expects. */
  encode(input: Table | readonly RawRow[]): Matrix;
  /** Point predictions with intervals for raw rows (the target is not needed). */
  predict(input: Table | readonly RawRow[]): SpendingPrediction[];
  toJSON(): SerializedModel<typeof SPENDING_MODEL_KIND, SpendingModelParams>;
}

export interface SpendingModelParams {
  algorithm: SpendingAlgorithm;
  target: string;
  transformer: unknown;
  regressor: unknown;
  interval: IntervalCalibration;
  metrics: { crossValidation?: Omit<CrossValidationSummary, 'oofPredictions'>; holdout?: HoldoutSummary };
  clamp: { min: number; max: number } | null;
  trainingRows: number;
  droppedRows: number;
  background: { rows: number; cols: number; data: ExactFloat[] };
}

/** Fits the transformer + regressor, cross-validates, calibrates the interval. */
export async function fitSpendingModel(
  table: Table,
  options: SpendingModelOptions = {},
): Promise<SpendingModel> {
  const algorithm = options.algorithm ?? 'random-forest';
  if (!['linear', 'random-forest', 'gradient-boosting'].includes(algorithm)) {
    throw new EngineError('INVALID_OPTION', `unknown algorithm ${algorithm}`);
  }
  const target = options.target ?? SPENDING_TARGET;
  const seed = options.seed ?? 42;
  const spec = {
    numeric: options.numeric ?? SPENDING_NUMERIC_FEATURES,
    categorical: options.categorical ?? SPENDING_CATEGORICAL_FEATURES,
    dropFirst: options.dropFirst ?? true,
    scale: options.scale ?? true,
  };
  const cvFolds = options.cvFolds ?? 5;
  const level = options.intervalLevel ?? DEFAULT_INTERVAL_LEVEL;
  const clamp = options.clamp ?? null;
  if (clamp && !(clamp.min <= clamp.max))
    throw new EngineError('INVALID_OPTION', 'clamp.min must be ≤ clamp.max');
  if (cvFolds === 0 && options.holdoutFraction === undefined) {
    throw new EngineError(
      'INVALID_OPTION',
      'the interval needs out-of-sample residuals: set cvFolds ≥ 2 or holdoutFraction',
    );
  }

  // Rows without a target cannot be learned from.
  const yAll = getNumericColumn(table, target);
  const keep: number[] = [];
  for (let i = 0; i < yAll.length; i++) {
    if (Number.isFinite(yAll[i])) keep.push(i);
    else if (!Number.isNaN(yAll[i]))
      throw new EngineError('NON_FINITE_INPUT', `target ${target} is infinite at row ${i}`);
  }
  const data = keep.length === table.nRows ? table : selectTableRows(table, keep);
  if (data.nRows < 2) throw new EngineError('EMPTY_INPUT', 'need at least 2 rows with a target');
  const y = getNumericColumn(data, target);

  const fit = async (t: Table, yt: Float64Array) => {
    const { transformer, X } = fitTabularTransformer(t, spec);
    const regressor = await fitRegressor(algorithm, X, yt, options, seed);
    return { transformer, regressor, X };
  };
  const pick = (idx: Uint32Array) => Float64Array.from(idx, (i) => y[i]);

  let crossValidation: CrossValidationSummary | undefined;
  let interval: IntervalCalibration | undefined;
  if (cvFolds > 0) {
    const shuffle = options.cvShuffle ?? true;
    const oof = new Float64Array(data.nRows);
    const folds: RegressionMetrics[] = [];
    for (const fold of kFold(data.nRows, { k: cvFolds, shuffle, seed })) {
      const m = await fit(selectTableRows(data, fold.train), pick(fold.train));
      const pred = m.regressor.predict(m.transformer.transform(selectTableRows(data, fold.test)));
      fold.test.forEach((row, j) => (oof[row] = pred[j]));
      folds.push(regressionMetrics(pick(fold.test), pred));
    }
    crossValidation = { k: cvFolds, shuffle, folds, mean: meanMetrics(folds), oofPredictions: oof };
    interval = calibrateInterval(y, oof, level);
  }
  let holdout: HoldoutSummary | undefined;
  if (options.holdoutFraction !== undefined) {
    const split = trainTestSplit(data.nRows, { testFraction: options.holdoutFraction, seed });
    const m = await fit(selectTableRows(data, split.train), pick(split.train));
    const pred = m.regressor.predict(m.transformer.transform(selectTableRows(data, split.test)));
    holdout = { testFraction: options.holdoutFraction, metrics: regressionMetrics(pick(split.test), pred) };
    interval ??= calibrateInterval(pick(split.test), pred, level);
  }

  const final = await fit(data, y);
  const sample = shuffledIndices(final.X.rows, createRng(seed)).subarray(
    0,
    Math.min(BACKGROUND_ROWS, final.X.rows),
  );
  const background = selectRows(final.X, Uint32Array.from(sample).sort());
  return spendingModelFrom({
    algorithm,
    target,
    transformer: final.transformer,
    regressor: final.regressor,
    interval: interval as IntervalCalibration,
    metrics: { crossValidation, holdout },
    clamp,
    trainingRows: data.nRows,
    droppedRows: table.nRows - data.nRows,
    background,
  });
}

async function fitRegressor(
  algorithm: SpendingAlgorithm,
  X: Matrix,
  y: Float64Array,
  options: SpendingModelOptions,
  seed: number,
): Promise<Regressor> {
  switch (algorithm) {
    case 'linear':
      return fitLinearRegression(X, y, options.linear);
    case 'random-forest': {
      const rf = { seed, ...options.randomForest };
      return (options.parallel ?? true) ? fitRandomForestParallel(X, y, rf) : fitRandomForest(X, y, rf);
    }
    case 'gradient-boosting':
      return fitGradientBoosting(X, y, { seed, earlyStopping: true, ...options.gradientBoosting });
  }
}

interface SpendingModelState {
  algorithm: SpendingAlgorithm;
  target: string;
  transformer: TabularTransformer;
  regressor: Regressor;
  interval: IntervalCalibration;
  metrics: { crossValidation?: CrossValidationSummary; holdout?: HoldoutSummary };
  clamp: { min: number; max: number } | null;
  trainingRows: number;
  droppedRows: number;
  background: Matrix;
}

function spendingModelFrom(s: SpendingModelState): SpendingModel {
  const { transformer, regressor, interval, clamp } = s;
  const bound = (v: number) => (clamp ? Math.min(clamp.max, Math.max(clamp.min, v)) : v);
  const metrics = {
    ...(s.metrics.crossValidation ? { crossValidation: s.metrics.crossValidation } : {}),
    ...(s.metrics.holdout ? { holdout: s.metrics.holdout } : {}),
  };
  return {
    kind: SPENDING_MODEL_KIND,
    algorithm: s.algorithm,
    target: s.target,
    featureNames: [...transformer.numeric, ...transformer.categorical],
    outputColumnNames: transformer.outputColumnNames,
    featureGroups: transformer.featureGroups,
    transformer,
    regressor,
    interval,
    metrics,
    clamp,
    trainingRows: s.trainingRows,
    droppedRows: s.droppedRows,
    background: s.background,
    encode: (input) => transformer.transform(input),
    predict(input) {
      const pred = regressor.predict(transformer.transform(input));
      return Array.from(pred, (v) => ({
        prediction: bound(v),
        lower: bound(v - interval.halfWidth),
        upper: bound(v + interval.halfWidth),
      }));
    },
    toJSON() {
      const cv = metrics.crossValidation;
      return {
        kind: SPENDING_MODEL_KIND,
        version: VERSION,
        params: {
          algorithm: s.algorithm,
          target: s.target,
          transformer: transformer.toJSON(),
          regressor: regressor.toJSON(),
          interval,
          metrics: {
            ...(cv
              ? { crossValidation: { k: cv.k, shuffle: cv.shuffle, folds: cv.folds, mean: cv.mean } }
              : {}),
            ...(metrics.holdout ? { holdout: metrics.holdout } : {}),
          },
          clamp,
          trainingRows: s.trainingRows,
          droppedRows: s.droppedRows,
          background: {
            rows: s.background.rows,
            cols: s.background.cols,
            data: encodeExactFloats(s.background.data),
          },
        },
      };
    },
  };
}

/** Rebuilds a spending model from toJSON() output; it predicts bit for bit like the original. */
export function spendingModelFromJSON(json: unknown): SpendingModel {
  const s = expectSerialized(json, SPENDING_MODEL_KIND, [VERSION]);
  const p = s.params as SpendingModelParams;
  return spendingModelFrom({
    algorithm: p.algorithm,
    target: p.target,
    transformer: tabularTransformerFromJSON(p.transformer),
    regressor: regressorFromJSON(p.regressor),
    interval: p.interval,
    metrics: p.metrics,
    clamp: p.clamp,
    trainingRows: p.trainingRows,
    droppedRows: p.droppedRows,
    background: matrixFrom(decodeExactFloats(p.background.data), p.background.rows, p.background.cols),
  });
}
