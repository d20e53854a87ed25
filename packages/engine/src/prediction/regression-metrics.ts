/**
 * Regression metrics with scikit-learn's definitions: MSE, RMSE = √MSE, MAE and
 * R² = 1 − SS_res / SS_tot (when SS_tot = 0: 1 for a perfect fit, else 0, as sklearn's
 * force_finite). O(n).
 * Reference: https://scikit-learn.org/stable/modules/model_evaluation.html#regression-metrics
 */
import { EngineError } from '../core/engine-error.js';

export interface RegressionMetrics {
  readonly mse: number;
  readonly rmse: number;
  readonly mae: number;
  readonly r2: number;
}

/** Metrics of predictions against true values (equal lengths, ≥ 1 value). */
export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  const n = yTrue.length;
  if (n !== yPred.length)
    throw new EngineError('INVALID_SHAPE', `${n} true values but ${yPred.length} predictions`);
  if (n === 0) throw new EngineError('EMPTY_INPUT', 'no values to score');
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i];
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  let abs = 0;
  for (let i = 0; i < n; i++) {
    const e = yTrue[i] - yPred[i];
    ssRes += e * e;
    abs += Math.abs(e);
    const d = yTrue[i] - mean;
    ssTot += d * d;
  }
  const mse = ssRes / n;
  const r2 = ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  return { mse, rmse: Math.sqrt(mse), mae: abs / n, r2 };
}

/** Mean of each metric over folds. */
export function meanMetrics(folds: readonly RegressionMetrics[]): RegressionMetrics {
  const k = folds.length;
  const sum = (f: (m: RegressionMetrics) => number) => folds.reduce((a, m) => a + f(m), 0) / k;
  return { mse: sum((m) => m.mse), rmse: sum((m) => m.rmse), mae: sum((m) => m.mae), r2: sum((m) => m.r2) };
}
