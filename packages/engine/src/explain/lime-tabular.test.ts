import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { fitLimeExplainer } from './lime-tabular.js';
import { functionRegressor } from './test-fixtures.js';

/** Columns: 0 age-like, 1 income-like, 2 noise, 3..4 one-hot of a 3-level category (level 0 = both 0). */
function trainingData(seed: number, n: number): Matrix {
  const rng = createRng(seed);
  const m = createMatrix(n, 5);
  for (let i = 0; i < n; i++) {
    m.data[i * 5] = 20 + 50 * rng.next();
    m.data[i * 5 + 1] = 50000 + 20000 * rng.normal();
    m.data[i * 5 + 2] = rng.normal();
    const level = rng.nextInt(3);
    if (level > 0) m.data[i * 5 + 2 + level] = 1;
  }
  return m;
}

const model = functionRegressor(5, (r) => 2 * r[0] + 0.0001 * r[1] + 30 * r[4]);

describe('fitLimeExplainer', () => {
  const training = trainingData(1, 400);
  const explainer = fitLimeExplainer(training, { groups: [[0], [1], [2], [3, 4]] });

  it('recovers the sign of a strong linear effect', () => {
    const old = explainer.explain(model.predict, [65, 50000, 0, 0, 0], { seed: 1, nSamples: 2000 });
    const young = explainer.explain(model.predict, [22, 50000, 0, 0, 0], { seed: 1, nSamples: 2000 });
    expect(old.weights[0]).toBeGreaterThan(10);
    expect(young.weights[0]).toBeLessThan(-10);
    // Category level 2 (column 4 set) raises the prediction by 30; level 0 does not have it.
    const level2 = explainer.explain(model.predict, [45, 50000, 0, 0, 1], { seed: 1, nSamples: 2000 });
    expect(level2.weights[3]).toBeGreaterThan(15);
    expect(young.weights[3]).toBeLessThan(-5);
    expect(Math.abs(old.weights[2])).toBeLessThan(1);
  });

  it('reports the intercept, local prediction, model prediction and a sensible R²', () => {
    const r = explainer.explain(model.predict, [65, 50000, 0, 0, 0], { seed: 2, nSamples: 2000 });
    const sum = r.weights.reduce((a, b) => a + b, 0);
    expect(r.localPrediction).toBeCloseTo(r.intercept + sum, 10);
    expect(r.prediction).toBeCloseTo(130 + 5, 10);
    expect(r.score).toBeGreaterThan(0.5);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.nSamples).toBe(2000);
  });

  it('is deterministic by seed', () => {
    const x = [40, 60000, 0.5, 1, 0];
    const a = explainer.explain(model.predict, x, { seed: 9, nSamples: 500 });
    const b = explainer.explain(model.predict, x, { seed: 9, nSamples: 500 });
    const c = explainer.explain(model.predict, x, { seed: 10, nSamples: 500 });
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    expect(b.score).toBe(a.score);
    expect(Array.from(c.weights)).not.toEqual(Array.from(a.weights));
  });

  it('uses 5000 samples by default and treats every column as a feature without groups', () => {
    const plain = fitLimeExplainer(training);
    expect(plain.nFeatures).toBe(5);
    const r = plain.explain(model.predict, [65, 50000, 0, 0, 1]);
    expect(r.nSamples).toBe(5000);
    expect(r.weights[0]).toBeGreaterThan(10);
  });

  it('rejects a row of the wrong width and bad options', () => {
    expect(() => explainer.explain(model.predict, [1, 2])).toThrow(
      expect.objectContaining({ code: 'INVALID_SHAPE' }),
    );
    expect(() => explainer.explain(model.predict, [1, 2, 3, 0, 0], { nSamples: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
