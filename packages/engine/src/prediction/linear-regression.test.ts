import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../core/matrix.js';
import { fitLinearRegression, linearRegressionFromJSON } from './linear-regression.js';

interface LinearFixture {
  X: number[][];
  y: number[];
  ols: { coef: number[]; intercept: number };
  ridge: { alpha: number; coef: number[]; intercept: number };
  deficient: { X: number[][]; y: number[]; predictions: number[] };
}
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/prediction/linear-reference.json', import.meta.url), 'utf8'),
) as LinearFixture;

const close = (actual: ArrayLike<number>, expected: readonly number[], tol: number) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i])));
  }
};

describe('fitLinearRegression against scikit-learn', () => {
  const X = matrixFromRows(fixture.X);

  it('matches LinearRegression coefficients within 1e-8', () => {
    const m = fitLinearRegression(X, fixture.y);
    close(m.coefficients, fixture.ols.coef, 1e-8);
    close([m.intercept], [fixture.ols.intercept], 1e-8);
    expect(m.rankDeficient).toBe(false);
  });

  it('matches Ridge coefficients within 1e-8', () => {
    const m = fitLinearRegression(X, fixture.y, { alpha: fixture.ridge.alpha });
    close(m.coefficients, fixture.ridge.coef, 1e-8);
    close([m.intercept], [fixture.ridge.intercept], 1e-8);
  });

  it('solves rank-deficient one-hot designs with sklearn-equal predictions', () => {
    const Xd = matrixFromRows(fixture.deficient.X);
    const m = fitLinearRegression(Xd, fixture.deficient.y);
    expect(m.rankDeficient).toBe(true);
    close(m.predict(Xd), fixture.deficient.predictions, 1e-8);
  });

  it('fits without an intercept through the origin', () => {
    const m = fitLinearRegression(matrixFromRows([[1], [2], [3]]), [2, 4, 6], { fitIntercept: false });
    expect(m.intercept).toBe(0);
    expect(m.coefficients[0]).toBeCloseTo(2, 12);
    const back = linearRegressionFromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    expect(back.coefficients).toEqual(m.coefficients);
  });
});
