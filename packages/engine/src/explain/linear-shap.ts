/**
 * Exact interventional SHAP for a linear model f(x) = b + β·x against a background distribution:
 * φ_j = β_j (x_j − E[X_j]), base value f(E[X]) (Lundberg & Lee 2017, "linear SHAP", features
 * treated as independent; as `shap.LinearExplainer` with an interventional masker).
 * Input: n × p rows and a background of m rows. Cost O((n + m) · p).
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, createMatrix, type Matrix } from '../core/matrix.js';
import type { LinearRegressor } from '../prediction/regressor.js';
import { backgroundMean, toWeightedBackground, type Background } from './background.js';
import type { ShapValues } from './tree-shap.js';

/** Linear SHAP values of every row of X (see the file header). The background is required. */
export function linearShap(
  model: Pick<LinearRegressor, 'coefficients' | 'intercept'>,
  X: Matrix,
  background: Background,
): ShapValues {
  const p = model.coefficients.length;
  if (X.cols !== p) {
    throw new EngineError('INVALID_SHAPE', `X has ${X.cols} columns, the model has ${p} coefficients`);
  }
  assertFinite(X, 'X');
  const mean = backgroundMean(toWeightedBackground(background, p));
  const beta = model.coefficients;
  let baseValue = model.intercept;
  for (let j = 0; j < p; j++) baseValue += beta[j] * mean[j];
  const values = createMatrix(X.rows, p);
  const predictions = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let total = baseValue;
    for (let j = 0; j < p; j++) {
      const v = beta[j] * (X.data[i * p + j] - mean[j]);
      values.data[i * p + j] = v;
      total += v;
    }
    predictions[i] = total;
  }
  return { baseValue, values, predictions };
}
