/** One contract, three regressors: linear, random forest, gradient boosting. */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import { createMatrix, matrixFrom, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { fitGradientBoosting, gradientBoostingFromJSON } from './gradient-boosting.js';
import { fitLinearRegression, linearRegressionFromJSON } from './linear-regression.js';
import { fitRandomForest, randomForestFromJSON } from './random-forest.js';
import { regressionMetrics } from './regression-metrics.js';
import type { Regressor } from './regressor.js';

interface Contestant {
  name: string;
  kind: string;
  seeded: boolean;
  fit(X: Matrix, y: Float64Array, seed: number): Regressor;
  fromJSON(json: unknown): Regressor;
}

const contestants: Contestant[] = [
  {
    name: 'linear regression (ridge)',
    kind: 'linear-regression',
    seeded: false,
    fit: (X, y) => fitLinearRegression(X, y, { alpha: 0.1 }),
    fromJSON: linearRegressionFromJSON,
  },
  {
    name: 'random forest',
    kind: 'random-forest',
    seeded: true,
    fit: (X, y, seed) => fitRandomForest(X, y, { nEstimators: 30, seed, maxFeatures: 0.7 }),
    fromJSON: randomForestFromJSON,
  },
  {
    name: 'gradient boosting',
    kind: 'gradient-boosting',
    seeded: true,
    fit: (X, y, seed) =>
      fitGradientBoosting(X, y, { nEstimators: 60, seed, earlyStopping: true, maxFeatures: 0.7 }),
    fromJSON: gradientBoostingFromJSON,
  },
];

/** y = 3·x0 − 2·x1 + 0.5·x2 + small noise, x uniform in [0, 1)³. */
function linearSignal(n: number, seed: number): { X: Matrix; y: Float64Array } {
  const rng = createRng(seed);
  const X = createMatrix(n, 3);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) X.data[i * 3 + j] = rng.next();
    y[i] = 3 * X.data[i * 3] - 2 * X.data[i * 3 + 1] + 0.5 * X.data[i * 3 + 2] + 0.05 * rng.normal();
  }
  return { X, y };
}

for (const c of contestants) {
  describe(`Regressor contract: ${c.name}`, () => {
    const train = linearSignal(600, 1);
    const test = linearSignal(300, 2);

    it('predicts one value per row and reports its kind and width', () => {
      const m = c.fit(train.X, train.y, 7);
      expect(m.kind).toBe(c.kind);
      expect(m.nFeatures).toBe(3);
      const pred = m.predict(test.X);
      expect(pred).toBeInstanceOf(Float64Array);
      expect(pred.length).toBe(300);
      expect(m.predict(matrixFrom(test.X.data.slice(0, 3), 1, 3)).length).toBe(1);
    });

    it('learns a linear signal with small noise (R² > 0.9 on held-out rows)', () => {
      const m = c.fit(train.X, train.y, 7);
      expect(regressionMetrics(test.y, m.predict(test.X)).r2).toBeGreaterThan(0.9);
    });

    it('is deterministic for a seed', () => {
      const a = c.fit(train.X, train.y, 7).predict(test.X);
      const b = c.fit(train.X, train.y, 7).predict(test.X);
      a.forEach((v, i) => expect(Object.is(v, b[i])).toBe(true));
      if (c.seeded) {
        const other = c.fit(train.X, train.y, 8).predict(test.X);
        expect(other).not.toEqual(a);
      }
    });

    it('reloads from JSON and predicts bit for bit the same', () => {
      const m = c.fit(train.X, train.y, 7);
      const json = JSON.parse(JSON.stringify(m.toJSON())) as { kind: string; version: number };
      expect(json.kind).toBe(c.kind);
      expect(json.version).toBe(1);
      const back = c.fromJSON(json);
      const a = m.predict(test.X);
      const b = back.predict(test.X);
      a.forEach((v, i) => expect(Object.is(v, b[i])).toBe(true));
      expect(() => c.fromJSON({ ...json, version: 99 })).toThrow(EngineError);
      expect(() => c.fromJSON({ ...json, kind: 'other' })).toThrow(EngineError);
    });

    it('rejects NaN and mis-shaped input with EngineError', () => {
      const badX = matrixFrom(train.X.data.slice(), 600, 3);
      badX.data[5] = NaN;
      expect(() => c.fit(badX, train.y, 7)).toThrow(EngineError);
      const badY = train.y.slice();
      badY[3] = Infinity;
      expect(() => c.fit(train.X, badY, 7)).toThrow(EngineError);
      expect(() => c.fit(train.X, train.y.subarray(0, 10), 7)).toThrow(EngineError);
      expect(() => c.fit(createMatrix(0, 3), new Float64Array(0), 7)).toThrow(EngineError);
      const m = c.fit(train.X, train.y, 7);
      expect(() => m.predict(createMatrix(2, 4))).toThrow(EngineError);
      const nanRow = createMatrix(1, 3);
      nanRow.data[1] = NaN;
      expect(() => m.predict(nanRow)).toThrow(EngineError);
    });
  });
}
