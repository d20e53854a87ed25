/**
 * Prediction intervals from out-of-sample residuals (split-conformal / CV+ style): the half-width
 * is the ⌈(n+1)·level⌉-th smallest absolute residual |y − ŷ| over n out-of-fold (or hold-out)
 * predictions, and the interval is ŷ ± half-width. Under exchangeability this covers a new
 * observation with probability ≈ level (marginally, not per customer). O(n log n).
 * Reference: Lei et al. 2018, "Distribution-Free Predictive Inference for Regression" (JASA);
 * Barber et al. 2021 (jackknife+ / CV+).
 */
import { EngineError } from '../core/engine-error.js';

export const DEFAULT_INTERVAL_LEVEL = 0.9;

export interface IntervalCalibration {
  readonly method: 'conformal-absolute-residual';
  /** Nominal coverage, e.g. 0.9. */
  readonly level: number;
  /** Added to and subtracted from each prediction. */
  readonly halfWidth: number;
  /** Residuals the quantile was taken over. */
  readonly nResiduals: number;
}

/** Calibrates a symmetric interval from true values and out-of-sample predictions. */
export function calibrateInterval(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  level = DEFAULT_INTERVAL_LEVEL,
): IntervalCalibration {
  if (!(level > 0 && level < 1))
    throw new EngineError('INVALID_OPTION', `interval level must be in (0, 1), got ${level}`);
  const n = yTrue.length;
  if (n === 0 || n !== yPred.length)
    throw new EngineError('INVALID_SHAPE', 'need as many predictions as true values (≥ 1)');
  const abs = new Float64Array(n);
  for (let i = 0; i < n; i++) abs[i] = Math.abs(yTrue[i] - yPred[i]);
  abs.sort();
  const rank = Math.min(n, Math.ceil((n + 1) * level));
  return { method: 'conformal-absolute-residual', level, halfWidth: abs[rank - 1], nResiduals: n };
}

/**
 * Per-row empirical quantiles across a forest's trees (tree-major predictions from
 * predictPerTree). Reflects disagreement between trees only — usually narrower than the
 * conformal interval and not calibrated; offered as a per-row shape, not as a guarantee.
 */
export function treeQuantileIntervals(
  perTree: Float64Array,
  nTrees: number,
  level = DEFAULT_INTERVAL_LEVEL,
): { lower: Float64Array; upper: Float64Array } {
  const n = perTree.length / nTrees;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const col = new Float64Array(nTrees);
  const q = (p: number) => {
    const pos = p * (nTrees - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(nTrees - 1, lo + 1);
    return col[lo] + (col[hi] - col[lo]) * (pos - lo);
  };
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < nTrees; t++) col[t] = perTree[t * n + i];
    col.sort();
    lower[i] = q((1 - level) / 2);
    upper[i] = q((1 + level) / 2);
  }
  return { lower, upper };
}
