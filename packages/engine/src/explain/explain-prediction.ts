/**
 * One entry point that explains a regressor's predictions, dispatching by model type:
 * trees → exact path-dependent TreeSHAP, linear → exact linear SHAP, anything else → Kernel
 * SHAP; or LIME on request. Contributions are reported on the ORIGINAL features: encoded columns
 * are folded through the feature groups (a one-hot block's SHAP values are summed).
 *
 * The background is the reference the prediction is compared with: pass the training data (or a
 * summary from `summarizeBackground`). It is required for linear SHAP, Kernel SHAP and LIME, and
 * it must never be the explained row itself — every attribution would then be zero (defect 2 of
 * the original system); that case is rejected. TreeSHAP needs no background: its reference is
 * the training distribution stored in the trees' covers.
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, createMatrix, matrixFrom, type Matrix } from '../core/matrix.js';
import {
  isLinearRegressor,
  isTreeRegressor,
  type FeatureGroup,
  type Regressor,
} from '../prediction/regressor.js';
import {
  summarizeBackground,
  toWeightedBackground,
  type Background,
  type WeightedBackground,
} from './background.js';
import { foldColumns, resolveFeatureLayout, type FeatureLayout } from './feature-layout.js';
import { kernelShap } from './kernel-shap.js';
import { fitLimeExplainer, type LimeExplainer } from './lime-tabular.js';
import { linearShap } from './linear-shap.js';
import { treeShap, type ShapValues } from './tree-shap.js';

export type ExplainMethod = 'shap' | 'lime';
export type ExplainAlgorithm = 'tree' | 'linear' | 'kernel' | 'lime';

export interface ExplainOptions {
  /** 'shap' (default) or 'lime'. */
  readonly method?: ExplainMethod;
  /** SHAP only: force an algorithm; 'auto' (default) picks tree, then linear, then kernel. */
  readonly algorithm?: 'auto' | 'tree' | 'linear' | 'kernel';
  /**
   * Reference data on the encoded columns: the training matrix or a weighted summary. Required
   * for linear SHAP, Kernel SHAP and LIME (LIME takes its quartiles and frequencies from it, so
   * pass the full training matrix there); ignored by TreeSHAP.
   */
  readonly background?: Background;
  /** Encoded columns per original feature; ungrouped columns are features of their own. */
  readonly featureGroups?: readonly FeatureGroup[];
  /** Names of the encoded columns, used for ungrouped columns (default `x{j}`). */
  readonly columnNames?: readonly string[];
  /** Raw input values to show per original feature (e.g. `{ profession: 'Artist' }`). */
  readonly rawValues?: Readonly<Record<string, number | string>>;
  readonly seed?: number;
  /** Kernel SHAP: summarise a larger background to this many k-means centres (default 50). */
  readonly backgroundSize?: number;
  /** Kernel SHAP coalitions (default 2M + 2048) or LIME samples (default 5000). */
  readonly nSamples?: number;
  /** Kernel SHAP: warn when the bootstrap standard error exceeds this. */
  readonly maxSamplingError?: number;
  /** LIME kernel width (default 0.75 · sqrt(features)). */
  readonly kernelWidth?: number;
}

/** One original feature's part in a prediction. */
export interface FeatureContribution {
  readonly feature: string;
  /**
   * The raw input value when known: rawValues, else the column value of a one-column feature,
   * else a one-hot group's category read from column names like "profession=Doctor".
   */
  readonly value?: number | string;
  /** SHAP value (folded over the feature's columns) or LIME surrogate weight. */
  readonly contribution: number;
  /** Kernel SHAP only: bootstrap standard error of the contribution. */
  readonly standardError?: number;
}

/** The local view: why the model predicted what it did for one row. */
export interface PredictionExplanation {
  readonly method: ExplainMethod;
  readonly algorithm: ExplainAlgorithm;
  /** SHAP: the expected prediction over the reference. LIME: the surrogate's intercept. */
  readonly baseValue: number;
  /** The model's own prediction for the row. */
  readonly prediction: number;
  readonly contributions: readonly FeatureContribution[];
  /** SHAP: |baseValue + Σ contributions − prediction| / max(1, |prediction|). */
  readonly additivityError?: number;
  /** Kernel SHAP: the largest bootstrap standard error (0 when every coalition was evaluated). */
  readonly samplingError?: number;
  /** Kernel SHAP: every coalition evaluated, so the values are exact. */
  readonly exact?: boolean;
  /** LIME: the surrogate's prediction at the row and its weighted R². */
  readonly lime?: { readonly intercept: number; readonly localPrediction: number; readonly score: number };
  readonly warnings: readonly string[];
}

/** Mean absolute and mean signed contribution of one feature over many rows. */
export interface FeatureImportance {
  readonly feature: string;
  readonly meanAbsContribution: number;
  readonly meanContribution: number;
}

/** The global view: contributions for many rows and the features ranked by mean |contribution|. */
export interface GlobalExplanation {
  readonly method: ExplainMethod;
  readonly algorithm: ExplainAlgorithm;
  /** SHAP: the expected prediction. LIME: the mean surrogate intercept. */
  readonly baseValue: number;
  readonly features: readonly string[];
  /** rows × features, in `features` order. */
  readonly contributions: Matrix;
  readonly predictions: Float64Array;
  /** Sorted by meanAbsContribution, largest first. */
  readonly importance: readonly FeatureImportance[];
  readonly maxAdditivityError?: number;
  readonly maxSamplingError?: number;
  readonly warnings: readonly string[];
}

interface BatchResult {
  readonly algorithm: ExplainAlgorithm;
  readonly baseValues: Float64Array;
  readonly folded: Matrix;
  readonly predictions: Float64Array;
  readonly additivity?: Float64Array;
  readonly sampling?: Float64Array;
  readonly standardErrors?: Matrix;
  readonly exact?: boolean[];
  readonly lime?: { intercept: number; localPrediction: number; score: number }[];
  readonly warnings: string[];
}

/** Explains one row (encoded columns) — the local view. See the file header for the background. */
export function explainPrediction(
  regressor: Regressor,
  x: ArrayLike<number>,
  options: ExplainOptions = {},
): PredictionExplanation {
  if (x.length !== regressor.nFeatures) {
    throw new EngineError(
      'INVALID_SHAPE',
      `x has ${x.length} values, the model expects ${regressor.nFeatures}`,
    );
  }
  const row = Float64Array.from(x);
  const X = matrixFrom(row, 1, row.length);
  const layout = resolveFeatureLayout(row.length, options.featureGroups, options.columnNames);
  if (options.background !== undefined) rejectSelfBackground(options.background, row);
  const r = explainBatch(regressor, X, layout, options);
  const contributions = layout.names.map((feature, g): FeatureContribution => {
    const value =
      options.rawValues?.[feature] ??
      (layout.columns[g].length === 1
        ? row[layout.columns[g][0]]
        : oneHotCategory(feature, layout.columns[g], row, options.columnNames));
    return {
      feature,
      ...(value === undefined ? {} : { value }),
      contribution: r.folded.data[g],
      ...(r.standardErrors ? { standardError: r.standardErrors.data[g] } : {}),
    };
  });
  return {
    method: r.algorithm === 'lime' ? 'lime' : 'shap',
    algorithm: r.algorithm,
    baseValue: r.baseValues[0],
    prediction: r.predictions[0],
    contributions,
    ...(r.additivity ? { additivityError: r.additivity[0] } : {}),
    ...(r.sampling ? { samplingError: r.sampling[0] } : {}),
    ...(r.exact ? { exact: r.exact[0] } : {}),
    ...(r.lime ? { lime: r.lime[0] } : {}),
    warnings: r.warnings,
  };
}

/**
 * Explains every row of X — the global view: per-row contributions on the original features and
 * their mean |contribution|. TreeSHAP and linear SHAP handle thousands of rows quickly; Kernel
 * SHAP and LIME cost a full explanation per row, so pass a sample of rows for those.
 */
export function explainGlobal(
  regressor: Regressor,
  X: Matrix,
  options: ExplainOptions = {},
): GlobalExplanation {
  if (X.cols !== regressor.nFeatures) {
    throw new EngineError(
      'INVALID_SHAPE',
      `X has ${X.cols} columns, the model expects ${regressor.nFeatures}`,
    );
  }
  if (X.rows === 0) throw new EngineError('EMPTY_INPUT', 'no rows to explain');
  const layout = resolveFeatureLayout(X.cols, options.featureGroups, options.columnNames);
  const r = explainBatch(regressor, X, layout, options);
  const G = layout.names.length;
  const importance = layout.names.map((feature, g): FeatureImportance => {
    let abs = 0;
    let signed = 0;
    for (let i = 0; i < X.rows; i++) {
      const v = r.folded.data[i * G + g];
      abs += Math.abs(v);
      signed += v;
    }
    return { feature, meanAbsContribution: abs / X.rows, meanContribution: signed / X.rows };
  });
  importance.sort((a, b) => b.meanAbsContribution - a.meanAbsContribution);
  return {
    method: r.algorithm === 'lime' ? 'lime' : 'shap',
    algorithm: r.algorithm,
    baseValue: r.baseValues.reduce((a, b) => a + b, 0) / X.rows,
    features: layout.names,
    contributions: r.folded,
    predictions: r.predictions,
    importance,
    ...(r.additivity ? { maxAdditivityError: Math.max(...r.additivity) } : {}),
    ...(r.sampling ? { maxSamplingError: Math.max(...r.sampling) } : {}),
    warnings: [...new Set(r.warnings)],
  };
}

/**
 * The category of a one-hot group read back from its column names ("profession=Doctor" or
 * "profession_Doctor") when exactly one member column is 1; undefined otherwise (for example the
 * dropped first category).
 */
function oneHotCategory(
  feature: string,
  columns: readonly number[],
  row: Float64Array,
  columnNames?: readonly string[],
): string | undefined {
  if (columnNames === undefined) return undefined;
  const hot = columns.filter((c) => row[c] === 1);
  if (hot.length !== 1 || !columns.every((c) => row[c] === 0 || row[c] === 1)) return undefined;
  const name = columnNames[hot[0]];
  for (const sep of ['=', '_']) {
    if (name.startsWith(feature + sep)) return name.slice(feature.length + 1);
  }
  return undefined;
}

function rejectSelfBackground(background: Background, row: Float64Array): void {
  const data = 'weights' in background ? background.data : background;
  if (data.cols !== row.length || data.rows === 0) return; // shape errors are reported later
  for (let k = 0; k < data.data.length; k++) {
    if (data.data[k] !== row[k % row.length]) return;
  }
  throw new EngineError(
    'INVALID_OPTION',
    'the background only holds the explained row, so every attribution would be zero; pass the training data or a summary of it',
  );
}

function requireBackground(options: ExplainOptions, what: string): Background {
  if (options.background === undefined) {
    throw new EngineError(
      'INVALID_OPTION',
      `${what} needs a background: pass the training data (or summarizeBackground of it)`,
    );
  }
  return options.background;
}

function explainBatch(
  regressor: Regressor,
  X: Matrix,
  layout: FeatureLayout,
  options: ExplainOptions,
): BatchResult {
  assertFinite(X, 'X');
  const method = options.method ?? 'shap';
  if (method !== 'shap' && method !== 'lime') {
    throw new EngineError('INVALID_OPTION', `unknown explanation method "${String(method)}"`);
  }
  if (method === 'lime') return limeBatch(regressor, X, layout, options);
  const requested = options.algorithm ?? 'auto';
  let algorithm: 'tree' | 'linear' | 'kernel';
  if (requested === 'auto') {
    algorithm = isTreeRegressor(regressor) ? 'tree' : isLinearRegressor(regressor) ? 'linear' : 'kernel';
  } else if (requested === 'tree' || requested === 'linear' || requested === 'kernel') {
    algorithm = requested;
  } else {
    throw new EngineError('INVALID_OPTION', `unknown SHAP algorithm "${String(requested)}"`);
  }
  if (algorithm === 'kernel') return kernelBatch(regressor, X, layout, options);
  let shap: ShapValues;
  if (algorithm === 'tree') {
    if (!isTreeRegressor(regressor)) {
      throw new EngineError('INVALID_OPTION', `TreeSHAP needs a tree model, got "${regressor.kind}"`);
    }
    shap = treeShap(regressor.ensemble, X);
  } else {
    if (!isLinearRegressor(regressor)) {
      throw new EngineError('INVALID_OPTION', `linear SHAP needs a linear model, got "${regressor.kind}"`);
    }
    shap = linearShap(regressor, X, requireBackground(options, 'linear SHAP'));
  }
  const predictions = regressor.predict(X);
  const G = layout.names.length;
  const folded = createMatrix(X.rows, G);
  const additivity = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    const f = foldColumns(shap.values.data.subarray(i * X.cols, (i + 1) * X.cols), layout);
    folded.data.set(f, i * G);
    additivity[i] = Math.abs(shap.predictions[i] - predictions[i]) / Math.max(1, Math.abs(predictions[i]));
  }
  return {
    algorithm,
    baseValues: new Float64Array(X.rows).fill(shap.baseValue),
    folded,
    predictions,
    additivity,
    warnings: [],
  };
}

function kernelBatch(
  regressor: Regressor,
  X: Matrix,
  layout: FeatureLayout,
  options: ExplainOptions,
): BatchResult {
  const raw = requireBackground(options, 'Kernel SHAP');
  const size = options.backgroundSize ?? 50;
  const bg: WeightedBackground =
    'weights' in raw
      ? toWeightedBackground(raw, X.cols)
      : raw.rows > size
        ? summarizeBackground(toWeightedBackground(raw, X.cols).data, { size, seed: options.seed })
        : toWeightedBackground(raw, X.cols);
  const G = layout.names.length;
  const folded = createMatrix(X.rows, G);
  const standardErrors = createMatrix(X.rows, G);
  const baseValues = new Float64Array(X.rows);
  const predictions = new Float64Array(X.rows);
  const additivity = new Float64Array(X.rows);
  const sampling = new Float64Array(X.rows);
  const exact: boolean[] = [];
  const warnings: string[] = [];
  const predict = (M: Matrix) => regressor.predict(M);
  for (let i = 0; i < X.rows; i++) {
    const row = X.data.subarray(i * X.cols, (i + 1) * X.cols);
    const r = kernelShap(predict, row, bg, {
      groups: layout.columns,
      seed: options.seed,
      nSamples: options.nSamples,
      maxSamplingError: options.maxSamplingError,
    });
    folded.data.set(r.values, i * G);
    standardErrors.data.set(r.samplingError.standardErrors, i * G);
    baseValues[i] = r.baseValue;
    predictions[i] = r.prediction;
    let total = r.baseValue;
    for (const v of r.values) total += v;
    additivity[i] = Math.abs(total - r.prediction) / Math.max(1, Math.abs(r.prediction));
    sampling[i] = r.samplingError.max;
    exact.push(r.exact);
    warnings.push(...r.warnings);
  }
  return {
    algorithm: 'kernel',
    baseValues,
    folded,
    predictions,
    additivity,
    sampling,
    standardErrors,
    exact,
    warnings,
  };
}

function limeBatch(
  regressor: Regressor,
  X: Matrix,
  layout: FeatureLayout,
  options: ExplainOptions,
): BatchResult {
  const raw = requireBackground(options, 'LIME');
  const training = 'weights' in raw ? raw.data : raw;
  if (training.cols !== X.cols) {
    throw new EngineError('INVALID_SHAPE', `the background has ${training.cols} columns, X has ${X.cols}`);
  }
  const explainer: LimeExplainer = fitLimeExplainer(training, { groups: layout.columns });
  const G = layout.names.length;
  const folded = createMatrix(X.rows, G);
  const baseValues = new Float64Array(X.rows);
  const predictions = new Float64Array(X.rows);
  const lime: { intercept: number; localPrediction: number; score: number }[] = [];
  const predict = (M: Matrix) => regressor.predict(M);
  for (let i = 0; i < X.rows; i++) {
    const r = explainer.explain(predict, X.data.subarray(i * X.cols, (i + 1) * X.cols), {
      nSamples: options.nSamples,
      kernelWidth: options.kernelWidth,
      seed: options.seed,
    });
    folded.data.set(r.weights, i * G);
    baseValues[i] = r.intercept;
    predictions[i] = r.prediction;
    lime.push({ intercept: r.intercept, localPrediction: r.localPrediction, score: r.score });
  }
  return { algorithm: 'lime', baseValues, folded, predictions, lime, warnings: [] };
}
