/**
 * Standard scaling, as scikit-learn's StandardScaler: (x - mean) / std with the POPULATION std
 * (ddof = 0); a zero-variance column is scaled by 1. Input: n×p matrix, O(n·p).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.StandardScaler.html
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, createMatrix, type Matrix } from '../core/matrix.js';
import { expectSerialized, type SerializedModel } from '../core/serialized-model.js';
import { decodeExactFloats, encodeExactFloats, type ExactFloat } from './exact-floats.js';

export const STANDARD_SCALER_KIND = 'standard-scaler';
const VERSION = 1;

export interface StandardScalerModel {
  readonly kind: typeof STANDARD_SCALER_KIND;
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  transform(X: Matrix): Matrix;
  inverseTransform(X: Matrix): Matrix;
  toJSON(): SerializedModel<typeof STANDARD_SCALER_KIND, { mean: ExactFloat[]; scale: ExactFloat[] }>;
}

/** Per-column mean and population std (two-pass for accuracy). */
export function fitStandardScaler(X: Matrix): StandardScalerModel {
  if (X.rows === 0) throw new EngineError('EMPTY_INPUT', 'cannot fit a scaler on 0 rows');
  assertFinite(X, 'scaler input');
  const { rows, cols, data } = X;
  const mean = new Float64Array(cols);
  const scale = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mean[j] += data[i * cols + j];
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const d = data[i * cols + j] - mean[j];
      scale[j] += d * d;
    }
  }
  for (let j = 0; j < cols; j++) {
    const s = Math.sqrt(scale[j] / rows);
    // sklearn treats near-constant columns (var below ~eps·mean²) as constant too.
    scale[j] = s === 0 || s < 10 * Number.EPSILON * Math.abs(mean[j]) ? 1 : s;
  }
  return standardScalerFrom(mean, scale);
}

function standardScalerFrom(mean: Float64Array, scale: Float64Array): StandardScalerModel {
  const check = (X: Matrix) => {
    if (X.cols !== mean.length) {
      throw new EngineError('INVALID_SHAPE', `expected ${mean.length} columns, got ${X.cols}`);
    }
  };
  return {
    kind: STANDARD_SCALER_KIND,
    mean,
    scale,
    transform(X) {
      check(X);
      const out = createMatrix(X.rows, X.cols);
      for (let k = 0; k < X.data.length; k++) {
        const j = k % X.cols;
        out.data[k] = (X.data[k] - mean[j]) / scale[j];
      }
      return out;
    },
    inverseTransform(X) {
      check(X);
      const out = createMatrix(X.rows, X.cols);
      for (let k = 0; k < X.data.length; k++) {
        const j = k % X.cols;
        out.data[k] = X.data[k] * scale[j] + mean[j];
      }
      return out;
    },
    toJSON: () => ({
      kind: STANDARD_SCALER_KIND,
      version: VERSION,
      params: { mean: encodeExactFloats(mean), scale: encodeExactFloats(scale) },
    }),
  };
}

/** Rebuilds a scaler from toJSON() output. */
export function standardScalerFromJSON(json: unknown): StandardScalerModel {
  const s = expectSerialized(json, STANDARD_SCALER_KIND, [VERSION]);
  const p = s.params as { mean: ExactFloat[]; scale: ExactFloat[] };
  return standardScalerFrom(decodeExactFloats(p.mean), decodeExactFloats(p.scale));
}
