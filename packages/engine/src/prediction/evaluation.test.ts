import { describe, expect, it } from 'vitest';
import { createMatrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { crossValidate, holdoutEvaluate } from './cross-validate.js';
import { fitLinearRegression } from './linear-regression.js';
import { calibrateInterval, treeQuantileIntervals } from './prediction-interval.js';
import { fitRandomForest, fitRandomForestParallel, randomForestFromJSON } from './random-forest.js';
import { meanMetrics, regressionMetrics } from './regression-metrics.js';

function noisyLine(n: number, seed: number) {
  const rng = createRng(seed);
  const X = createMatrix(n, 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X.data[2 * i] = rng.next() * 10;
    X.data[2 * i + 1] = rng.next();
    y[i] = 2 * X.data[2 * i] + rng.normal();
  }
  return { X, y };
}

describe('regressionMetrics', () => {
  it('follows the scikit-learn definitions', () => {
    // sklearn: mean_squared_error([3,-0.5,2,7],[2.5,0,2,8]) = 0.375, MAE 0.5, R² 0.9486081370449679
    const m = regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
    expect(m.mse).toBeCloseTo(0.375, 15);
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.375), 15);
    expect(m.mae).toBeCloseTo(0.5, 15);
    expect(m.r2).toBeCloseTo(0.9486081370449679, 14);
    expect(regressionMetrics([1, 1], [1, 1]).r2).toBe(1);
    expect(regressionMetrics([1, 1], [1, 2]).r2).toBe(0);
    expect(meanMetrics([m, { mse: 1, rmse: 1, mae: 1, r2: 0 }]).mse).toBeCloseTo(0.6875, 15);
  });
});

describe('crossValidate / holdoutEvaluate', () => {
  it('returns per-fold metrics, their mean and an out-of-fold prediction for every row', async () => {
    const { X, y } = noisyLine(200, 1);
    const cv = await crossValidate(X, y, (a, b) => fitLinearRegression(a, b), { k: 4, seed: 3 });
    expect(cv.folds.length).toBe(4);
    expect(cv.mean.r2).toBeCloseTo(cv.folds.reduce((s, f) => s + f.r2, 0) / 4, 12);
    expect(cv.oofPredictions.every((v) => Number.isFinite(v) && v !== 0)).toBe(true);
    expect(regressionMetrics(y, cv.oofPredictions).r2).toBeGreaterThan(0.95);
    const h = await holdoutEvaluate(X, y, (a, b) => fitLinearRegression(a, b), {
      testFraction: 0.25,
      seed: 3,
    });
    expect(h.testIndices.length).toBe(50);
    expect(h.metrics.rmse).toBeGreaterThan(0.7);
    expect(h.metrics.rmse).toBeLessThan(1.3);
  });
});

describe('prediction intervals', () => {
  it('takes the ⌈(n+1)·level⌉-th smallest absolute residual', () => {
    const yTrue = Array.from({ length: 9 }, (_, i) => i + 1);
    const yPred = new Array(9).fill(0);
    // residuals 1..9; level 0.8 → rank ⌈10·0.8⌉ = 8
    expect(calibrateInterval(yTrue, yPred, 0.8).halfWidth).toBe(8);
    expect(calibrateInterval(yTrue, yPred, 0.99).halfWidth).toBe(9);
  });

  it('covers about `level` of fresh data when calibrated on out-of-fold residuals', async () => {
    const { X, y } = noisyLine(1000, 2);
    const cv = await crossValidate(X, y, (a, b) => fitLinearRegression(a, b), { k: 5, seed: 1 });
    const interval = calibrateInterval(y, cv.oofPredictions, 0.9);
    expect(interval.halfWidth).toBeCloseTo(1.645, 0);
    const fresh = noisyLine(2000, 3);
    const pred = fitLinearRegression(X, y).predict(fresh.X);
    const covered = pred.filter((p, i) => Math.abs(fresh.y[i] - p) <= interval.halfWidth).length / 2000;
    expect(covered).toBeGreaterThan(0.87);
    expect(covered).toBeLessThan(0.93);
  });

  it('gives per-row tree quantiles inside the range of the trees that mostly bracket the forest mean', () => {
    const { X, y } = noisyLine(300, 4);
    const forest = fitRandomForest(X, y, { nEstimators: 25, seed: 1 });
    const mean = forest.predict(X);
    const perTree = forest.predictPerTree(X);
    const { lower, upper } = treeQuantileIntervals(perTree, 25, 0.9);
    let bracketed = 0;
    for (let i = 0; i < 300; i++) {
      const values = Array.from({ length: 25 }, (_, t) => perTree[t * 300 + i]);
      expect(lower[i]).toBeGreaterThanOrEqual(Math.min(...values));
      expect(upper[i]).toBeLessThanOrEqual(Math.max(...values));
      expect(lower[i]).toBeLessThanOrEqual(upper[i]);
      if (lower[i] <= mean[i] && mean[i] <= upper[i]) bracketed++;
    }
    expect(bracketed / 300).toBeGreaterThan(0.9);
  });
});

describe('random forest out-of-bag predictions', () => {
  it('predicts each row only from trees that did not see it, with an honest R²', () => {
    const { X, y } = noisyLine(400, 5);
    const forest = fitRandomForest(X, y, { nEstimators: 40, seed: 2, computeOob: true });
    const oob = forest.oobPredictions as Float64Array;
    expect(oob.length).toBe(400);
    expect(oob.every((v) => Number.isFinite(v))).toBe(true);
    // Out-of-bag R² is below the in-sample one and close to the noise ceiling (var 1 vs var ≈ 34).
    expect(forest.oobR2).toBeLessThan(regressionMetrics(y, forest.predict(X)).r2);
    expect(forest.oobR2).toBeGreaterThan(0.9);
    // Not serialized, but the trees are.
    const back = randomForestFromJSON(JSON.parse(JSON.stringify(forest.toJSON())));
    expect(back.oobPredictions).toBeUndefined();
    expect(back.options.maxDepth).toBe(Infinity);
  });
});

describe('fitRandomForestParallel', () => {
  it('grows on worker threads the very forest fitRandomForest grows', async () => {
    const { X, y } = noisyLine(600, 6);
    const options = { nEstimators: 12, seed: 9, maxFeatures: 0.5 };
    const serial = fitRandomForest(X, y, options);
    const parallel = await fitRandomForestParallel(X, y, { ...options, nThreads: 2, minParallelWork: 0 });
    const a = serial.predict(X);
    const b = parallel.predict(X);
    a.forEach((v, i) => expect(Object.is(v, b[i])).toBe(true));
    expect(parallel.toJSON()).toEqual(serial.toJSON());
  });
});
