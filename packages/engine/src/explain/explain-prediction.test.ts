import { describe, expect, it } from 'vitest';
import { createMatrix, matrixFromRows, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import type { FeatureGroup } from '../prediction/regressor.js';
import type { TreeEnsemble } from '../trees/tree-ensemble.js';
import { explainGlobal, explainPrediction } from './explain-prediction.js';
import {
  fitTinyTree,
  functionRegressor,
  linearRegressor,
  randomTree,
  treeRegressor,
} from './test-fixtures.js';
import { treeShap } from './tree-shap.js';

/** Encoded columns: 0 age, 1 income, 2 experience, 3..5 one-hot profession (4 levels, first dropped). */
const COLUMNS = ['age', 'income', 'experience', 'profession_b', 'profession_c', 'profession_d'];
const GROUPS: FeatureGroup[] = [{ name: 'profession', columns: [3, 4, 5] }];

function customers(seed: number, n: number): { X: Matrix; y: Float64Array } {
  const rng = createRng(seed);
  const X = createMatrix(n, 6);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const age = 18 + 60 * rng.next();
    const income = rng.next() * 2;
    const experience = rng.nextInt(15);
    const level = rng.nextInt(4);
    X.data.set(
      [age, income, experience, level === 1 ? 1 : 0, level === 2 ? 1 : 0, level === 3 ? 1 : 0],
      i * 6,
    );
    // Age matters most, then profession d; experience and income barely.
    y[i] = 80 - age + (level === 3 ? 15 : 0) + 0.5 * income + 0.1 * rng.normal();
  }
  return { X, y };
}

function tinyForest(X: Matrix, y: Float64Array, nTrees: number, seed: number): TreeEnsemble {
  const rng = createRng(seed);
  const trees = Array.from({ length: nTrees }, () => {
    const rows = Array.from({ length: X.rows }, () => rng.nextInt(X.rows));
    return fitTinyTree(X, y, rows, 4);
  });
  return { trees, init: 0, weight: 1 / nTrees, nFeatures: X.cols };
}

const row = (X: Matrix, i: number) => X.data.subarray(i * X.cols, (i + 1) * X.cols);

describe('explainPrediction', () => {
  const { X, y } = customers(1, 300);
  const forest = treeRegressor(tinyForest(X, y, 8, 2));

  it('uses TreeSHAP for trees, folds one-hot columns and stays additive', () => {
    const x = row(X, 5);
    const e = explainPrediction(forest, x, {
      featureGroups: GROUPS,
      columnNames: COLUMNS,
      rawValues: { profession: 'Doctor' },
    });
    expect(e.method).toBe('shap');
    expect(e.algorithm).toBe('tree');
    expect(e.contributions.map((c) => c.feature)).toEqual(['profession', 'age', 'income', 'experience']);
    const raw = treeShap(forest.ensemble, matrixFromRows([x])).values.data;
    expect(e.contributions[0].contribution).toBeCloseTo(raw[3] + raw[4] + raw[5], 12);
    expect(e.contributions[0].value).toBe('Doctor');
    expect(e.contributions[1]).toMatchObject({ feature: 'age', value: x[0] });
    const named = explainPrediction(forest, [30, 1, 2, 0, 0, 1], {
      featureGroups: GROUPS,
      columnNames: COLUMNS,
    });
    expect(named.contributions[0].value).toBe('d');
    const dropped = explainPrediction(forest, [30, 1, 2, 0, 0, 0], {
      featureGroups: GROUPS,
      columnNames: COLUMNS,
    });
    expect(dropped.contributions[0].value).toBeUndefined();
    expect(e.contributions[1].contribution).toBeCloseTo(raw[0], 12);
    const total = e.baseValue + e.contributions.reduce((a, c) => a + c.contribution, 0);
    expect(Math.abs(total - e.prediction) / Math.max(1, Math.abs(e.prediction))).toBeLessThan(1e-9);
    expect(e.additivityError).toBeLessThan(1e-9);
  });

  it('uses linear SHAP for linear models and requires a background', () => {
    const model = linearRegressor([-1, 0.5, 0, 0, 0, 15], 80);
    expect(() => explainPrediction(model, row(X, 0))).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    const e = explainPrediction(model, row(X, 0), {
      background: X,
      featureGroups: GROUPS,
      columnNames: COLUMNS,
    });
    expect(e.algorithm).toBe('linear');
    expect(e.additivityError).toBeLessThan(1e-9);
    let mean5 = 0;
    for (let i = 0; i < X.rows; i++) mean5 += X.data[i * 6 + 5] / X.rows;
    expect(e.contributions[0].contribution).toBeCloseTo(15 * (X.data[5] - mean5), 10);
  });

  it('rejects a background that is only the explained row (the original defect)', () => {
    const model = linearRegressor([1, 1, 1, 1, 1, 1], 0);
    const x = row(X, 3);
    for (const method of ['shap', 'lime'] as const) {
      expect(() => explainPrediction(model, x, { method, background: matrixFromRows([x]) })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    }
  });

  it('falls back to Kernel SHAP for other models, additive and with a reported sampling error', () => {
    const model = functionRegressor(6, (r) => 80 - r[0] + 15 * r[5] + 0.5 * r[1] * r[2]);
    expect(() => explainPrediction(model, row(X, 0))).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    const e = explainPrediction(model, row(X, 7), {
      background: X,
      featureGroups: GROUPS,
      columnNames: COLUMNS,
      seed: 4,
      backgroundSize: 20,
    });
    expect(e.algorithm).toBe('kernel');
    expect(e.exact).toBe(true); // 4 players: every coalition fits the default budget
    expect(e.samplingError).toBe(0);
    expect(e.additivityError).toBeLessThan(1e-9);
    expect(e.contributions.every((c) => c.standardError === 0)).toBe(true);
    const again = explainPrediction(model, row(X, 7), {
      background: X,
      featureGroups: GROUPS,
      columnNames: COLUMNS,
      seed: 4,
      backgroundSize: 20,
    });
    expect(again).toEqual(e);
  });

  it('explains a tree model with Kernel SHAP on request, agreeing in sign on the dominant feature', () => {
    const x = row(X, 11);
    const tree = explainPrediction(forest, x, { featureGroups: GROUPS, columnNames: COLUMNS });
    const kernel = explainPrediction(forest, x, {
      algorithm: 'kernel',
      background: X,
      featureGroups: GROUPS,
      columnNames: COLUMNS,
      seed: 1,
    });
    expect(kernel.algorithm).toBe('kernel');
    expect(Math.sign(kernel.contributions[1].contribution)).toBe(
      Math.sign(tree.contributions[1].contribution),
    );
    expect(kernel.additivityError).toBeLessThan(1e-9);
  });

  it('returns LIME weights per original feature with the surrogate details', () => {
    const model = linearRegressor([-1, 0.5, 0, 0, 0, 15], 80);
    let young = 0;
    while (X.data[young * 6] > 25) young++;
    const e = explainPrediction(model, row(X, young), {
      method: 'lime',
      background: X,
      featureGroups: GROUPS,
      columnNames: COLUMNS,
      seed: 3,
      nSamples: 1000,
    });
    expect(e.method).toBe('lime');
    expect(e.algorithm).toBe('lime');
    expect(e.contributions.find((c) => c.feature === 'age')?.contribution).toBeGreaterThan(5);
    expect(e.lime?.score).toBeGreaterThan(0);
    expect(e.baseValue).toBe(e.lime?.intercept);
    expect(e.additivityError).toBeUndefined();
  });
});

describe('explainGlobal', () => {
  const { X, y } = customers(7, 300);

  it('ranks the truly important feature first (trees, linear and kernel)', () => {
    const forest = treeRegressor(tinyForest(X, y, 6, 3));
    const linear = linearRegressor([-1, 0.5, 0, 0, 0, 15], 80);
    const options = { background: X, featureGroups: GROUPS, columnNames: COLUMNS, seed: 1 };
    const g = explainGlobal(forest, X, options);
    expect(g.algorithm).toBe('tree');
    expect(g.importance[0].feature).toBe('age');
    expect(g.importance[1].feature).toBe('profession');
    expect(g.contributions.rows).toBe(300);
    expect(g.contributions.cols).toBe(4);
    expect(g.maxAdditivityError).toBeLessThan(1e-9);
    expect(explainGlobal(linear, X, options).importance[0].feature).toBe('age');
    const sample = createMatrix(5, 6);
    sample.data.set(X.data.subarray(0, 30));
    const kernel = explainGlobal(
      functionRegressor(6, (r) => linear.predict(matrixFromRows([r]))[0]),
      sample,
      {
        ...options,
        backgroundSize: 10,
      },
    );
    expect(kernel.algorithm).toBe('kernel');
    expect(kernel.importance[0].feature).toBe('age');
    expect(kernel.maxSamplingError).toBe(0);
  });

  it('mean |SHAP| equals the average of the per-row absolute contributions', () => {
    const rng = createRng(2);
    const ensemble: TreeEnsemble = {
      trees: [randomTree(rng, 6, 4), randomTree(rng, 6, 4)],
      init: 0,
      weight: 1,
      nFeatures: 6,
    };
    const g = explainGlobal(treeRegressor(ensemble), X);
    const f = g.features.indexOf('x2');
    let abs = 0;
    for (let i = 0; i < X.rows; i++) abs += Math.abs(g.contributions.data[i * 6 + f]);
    expect(g.importance.find((i) => i.feature === 'x2')?.meanAbsContribution).toBeCloseTo(abs / X.rows, 12);
  });
});
