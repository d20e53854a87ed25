import { EngineError } from '../core/engine-error.js';
import { assertFinite, type Matrix } from '../core/matrix.js';

/** Checks a training set at a regressor's public entry: non-empty, matching lengths, finite. */
export function validateFitInput(X: Matrix, y: ArrayLike<number>): void {
  if (X.data.length !== X.rows * X.cols)
    throw new EngineError('INVALID_SHAPE', 'matrix buffer does not match its shape');
  if (X.rows === 0 || X.cols === 0) throw new EngineError('EMPTY_INPUT', 'cannot fit on an empty matrix');
  if (y.length !== X.rows) {
    throw new EngineError('INVALID_SHAPE', `X has ${X.rows} rows but y has ${y.length} values`);
  }
  assertFinite(X, 'X');
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new EngineError('NON_FINITE_INPUT', `y has a non-finite value at row ${i}`, { row: i });
    }
  }
}

/** Checks a matrix to predict on: the fitted width and finite values. */
export function validatePredictInput(X: Matrix, nFeatures: number): void {
  if (X.cols !== nFeatures || X.data.length !== X.rows * X.cols) {
    throw new EngineError('INVALID_SHAPE', `expected ${nFeatures} columns, got ${X.cols}`, {
      expected: nFeatures,
      actual: X.cols,
    });
  }
  assertFinite(X, 'X');
}
