/**
 * Ordinary least squares and ridge regression, as scikit-learn's LinearRegression / Ridge:
 * center X and y, solve (XcᵀXc + αI)β = Xcᵀyc, intercept = ȳ − x̄ᵀβ (the intercept is not
 * penalised). For stability the normal equations are solved after symmetric column scaling
 * (unit-norm centered columns, so the condition number only reflects correlations) by Cholesky;
 * when the system is singular (collinear one-hot columns with an intercept, constant columns) it
 * falls back to a Jacobi-eigendecomposition pseudo-inverse, giving a minimum-norm solution in the
 * scaled space (predictions equal any least-squares solution's).
 * Input: n×p matrix; O(n·p² + p³).
 * Reference: https://scikit-learn.org/stable/modules/linear_model.html#ordinary-least-squares
 */
import { EngineError } from '../core/engine-error.js';
import type { Matrix } from '../core/matrix.js';
import { expectSerialized, type SerializedModel } from '../core/serialized-model.js';
import {
  decodeExactFloat,
  decodeExactFloats,
  encodeExactFloat,
  encodeExactFloats,
  type ExactFloat,
} from '../preprocessing/exact-floats.js';
import type { LinearRegressor } from './regressor.js';
import { validateFitInput, validatePredictInput } from './validate-input.js';

export const LINEAR_REGRESSION_KIND = 'linear-regression';
const VERSION = 1;

export interface LinearRegressionOptions {
  /** L2 penalty (ridge); 0 = ordinary least squares. Default 0. */
  readonly alpha?: number;
  /** Default true. */
  readonly fitIntercept?: boolean;
}

export interface LinearRegressionModel extends LinearRegressor {
  readonly kind: typeof LINEAR_REGRESSION_KIND;
  readonly alpha: number;
  /** True when the normal equations were singular and the pseudo-inverse was used. */
  readonly rankDeficient: boolean;
  toJSON(): SerializedModel<typeof LINEAR_REGRESSION_KIND, LinearRegressionParams>;
}

export interface LinearRegressionParams {
  coefficients: ExactFloat[];
  intercept: ExactFloat;
  alpha: number;
  rankDeficient: boolean;
}

/** Fits OLS (alpha = 0) or ridge (alpha > 0). */
export function fitLinearRegression(
  X: Matrix,
  y: ArrayLike<number>,
  options: LinearRegressionOptions = {},
): LinearRegressionModel {
  validateFitInput(X, y);
  const alpha = options.alpha ?? 0;
  if (!(alpha >= 0) || !Number.isFinite(alpha)) {
    throw new EngineError('INVALID_OPTION', `alpha must be a finite number ≥ 0, got ${alpha}`);
  }
  const fitIntercept = options.fitIntercept ?? true;
  const { rows: n, cols: p, data } = X;
  const xMean = new Float64Array(p);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) xMean[j] += data[i * p + j];
      yMean += y[i];
    }
    for (let j = 0; j < p; j++) xMean[j] /= n;
    yMean /= n;
  }
  // Gram matrix and right-hand side of the centered problem.
  const A = new Float64Array(p * p);
  const b = new Float64Array(p);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) row[j] = data[i * p + j] - xMean[j];
    const yi = y[i] - yMean;
    for (let j = 0; j < p; j++) {
      const rj = row[j];
      b[j] += rj * yi;
      for (let k = j; k < p; k++) A[j * p + k] += rj * row[k];
    }
  }
  const d = new Float64Array(p);
  for (let j = 0; j < p; j++) d[j] = A[j * p + j] > 0 ? Math.sqrt(A[j * p + j]) : 1;
  // Scaled system (D⁻¹AD⁻¹ + αD⁻²)γ = D⁻¹b with β = D⁻¹γ.
  const S = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = j; k < p; k++) {
      const v = A[j * p + k] / (d[j] * d[k]);
      S[j * p + k] = v;
      S[k * p + j] = v;
    }
    S[j * p + j] += alpha / (d[j] * d[j]);
  }
  const rhs = Float64Array.from(b, (v, j) => v / d[j]);
  let gamma = choleskySolve(S, rhs, p);
  const rankDeficient = gamma === null;
  if (gamma === null) gamma = pseudoInverseSolve(S, rhs, p);
  const coefficients = Float64Array.from(gamma, (g, j) => g / d[j]);
  let intercept = 0;
  if (fitIntercept) {
    intercept = yMean;
    for (let j = 0; j < p; j++) intercept -= xMean[j] * coefficients[j];
  }
  return linearFrom({ coefficients, intercept, alpha, rankDeficient });
}

function linearFrom(m: {
  coefficients: Float64Array;
  intercept: number;
  alpha: number;
  rankDeficient: boolean;
}): LinearRegressionModel {
  const p = m.coefficients.length;
  return {
    kind: LINEAR_REGRESSION_KIND,
    nFeatures: p,
    coefficients: m.coefficients,
    intercept: m.intercept,
    alpha: m.alpha,
    rankDeficient: m.rankDeficient,
    predict(X) {
      validatePredictInput(X, p);
      const out = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) {
        let s = m.intercept;
        for (let j = 0; j < p; j++) s += m.coefficients[j] * X.data[i * p + j];
        out[i] = s;
      }
      return out;
    },
    toJSON: () => ({
      kind: LINEAR_REGRESSION_KIND,
      version: VERSION,
      params: {
        coefficients: encodeExactFloats(m.coefficients),
        intercept: encodeExactFloat(m.intercept),
        alpha: m.alpha,
        rankDeficient: m.rankDeficient,
      },
    }),
  };
}

/** Rebuilds a linear model from toJSON() output. */
export function linearRegressionFromJSON(json: unknown): LinearRegressionModel {
  const s = expectSerialized(json, LINEAR_REGRESSION_KIND, [VERSION]);
  const p = s.params as LinearRegressionParams;
  return linearFrom({
    coefficients: decodeExactFloats(p.coefficients),
    intercept: decodeExactFloat(p.intercept),
    alpha: p.alpha,
    rankDeficient: p.rankDeficient,
  });
}

/** Solves S x = b for symmetric S by Cholesky; null when S is not (numerically) positive definite. */
function choleskySolve(S: Float64Array, b: Float64Array, p: number): Float64Array | null {
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let s = S[j * p + j];
    for (let k = 0; k < j; k++) s -= L[j * p + k] * L[j * p + k];
    // S has a unit diagonal (plus the ridge term), so an absolute pivot threshold is a relative one.
    if (!(s > 1e-10)) return null;
    const ljj = Math.sqrt(s);
    L[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let t = S[i * p + j];
      for (let k = 0; k < j; k++) t -= L[i * p + k] * L[j * p + k];
      L[i * p + j] = t / ljj;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let t = b[i];
    for (let k = 0; k < i; k++) t -= L[i * p + k] * z[k];
    z[i] = t / L[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let t = z[i];
    for (let k = i + 1; k < p; k++) t -= L[k * p + i] * x[k];
    x[i] = t / L[i * p + i];
  }
  return x;
}

/** Minimum-norm solution through the cyclic Jacobi eigendecomposition of symmetric S. */
function pseudoInverseSolve(S: Float64Array, b: Float64Array, p: number): Float64Array {
  const a = Float64Array.from(S);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += a[i * p + j] * a[i * p + j];
    if (off < 1e-30) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = a[i * p + j];
        if (Math.abs(aij) < 1e-300) continue;
        const theta = (a[j * p + j] - a[i * p + i]) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const aki = a[k * p + i];
          const akj = a[k * p + j];
          a[k * p + i] = c * aki - s * akj;
          a[k * p + j] = s * aki + c * akj;
        }
        for (let k = 0; k < p; k++) {
          const aik = a[i * p + k];
          const ajk = a[j * p + k];
          a[i * p + k] = c * aik - s * ajk;
          a[j * p + k] = s * aik + c * ajk;
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k * p + i];
          const vkj = v[k * p + j];
          v[k * p + i] = c * vki - s * vkj;
          v[k * p + j] = s * vki + c * vkj;
        }
      }
    }
  }
  let maxEig = 0;
  for (let i = 0; i < p; i++) maxEig = Math.max(maxEig, Math.abs(a[i * p + i]));
  const cutoff = maxEig * p * 1e-12;
  const x = new Float64Array(p);
  for (let e = 0; e < p; e++) {
    const lambda = a[e * p + e];
    if (lambda <= cutoff) continue;
    let proj = 0;
    for (let k = 0; k < p; k++) proj += v[k * p + e] * b[k];
    const w = proj / lambda;
    for (let k = 0; k < p; k++) x[k] += w * v[k * p + e];
  }
  return x;
}
