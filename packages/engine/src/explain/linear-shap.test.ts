import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../core/matrix.js';
import { linearShap } from './linear-shap.js';
import { bruteForceInterventional, linearRegressor } from './test-fixtures.js';

describe('linearShap', () => {
  const model = linearRegressor([2, -3, 0.5], 7);
  const background = matrixFromRows([
    [0, 1, 10],
    [2, 3, 20],
    [4, -1, 0],
  ]);

  it('gives β_j (x_j − mean_j) and the prediction at the background mean as base value', () => {
    const r = linearShap(model, matrixFromRows([[5, 0, 4]]), background);
    // means (2, 1, 10): base = 7 + 4 − 3 + 5 = 13
    expect(r.baseValue).toBeCloseTo(13, 12);
    expect(Array.from(r.values.data)).toEqual([6, 3, -3].map((v) => expect.closeTo(v, 12)));
    expect(r.predictions[0]).toBeCloseTo(7 + 10 + 0 + 2, 12);
  });

  it('is additive and equals brute-force interventional Shapley values', () => {
    const X = matrixFromRows([
      [1.5, 2.5, -3],
      [100, -40, 0.25],
    ]);
    const r = linearShap(model, X, background);
    const direct = model.predict(X);
    const weights = [1 / 3, 1 / 3, 1 / 3];
    for (let i = 0; i < X.rows; i++) {
      const row = X.data.subarray(i * 3, i * 3 + 3);
      const exact = bruteForceInterventional(model.predict, row, background, weights, [[0], [1], [2]]);
      let total = r.baseValue;
      for (let j = 0; j < 3; j++) {
        expect(r.values.data[i * 3 + j]).toBeCloseTo(exact[j], 9);
        total += r.values.data[i * 3 + j];
      }
      expect(Math.abs(total - direct[i]) / Math.max(1, Math.abs(direct[i]))).toBeLessThan(1e-9);
    }
  });

  it('uses background weights when given', () => {
    const r = linearShap(model, matrixFromRows([[0, 0, 0]]), {
      data: background,
      weights: Float64Array.from([1, 0, 0]),
    });
    expect(r.baseValue).toBeCloseTo(7 + 0 - 3 + 5, 12);
  });

  it('rejects a background of the wrong width', () => {
    expect(() => linearShap(model, matrixFromRows([[0, 0, 0]]), matrixFromRows([[1, 2]]))).toThrow(
      expect.objectContaining({ code: 'INVALID_SHAPE' }),
    );
  });
});
