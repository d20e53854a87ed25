// Integration: explanations of the prediction area's fitted regressors (forest, boosting, linear).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMatrix, matrixFromRows, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { fitGradientBoosting } from '../prediction/gradient-boosting.js';
import { fitLinearRegression } from '../prediction/linear-regression.js';
import { fitRandomForest } from '../prediction/random-forest.js';
import type { Regressor } from '../prediction/regressor.js';
import { explainGlobal, explainPrediction } from './explain-prediction.js';
import { bruteForceTreeShap } from './test-fixtures.js';
import { treeShap } from './tree-shap.js';

/** 6 columns: 0 age, 1 income, 2 noise, 3..5 one-hot profession; y driven by age and profession 5. */
function synthetic(seed: number, n: number): { X: Matrix; y: Float64Array } {
  const rng = createRng(seed);
  const X = createMatrix(n, 6);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const level = rng.nextInt(4);
    const row = [18 + rng.nextInt(60), 20 + 100 * rng.next(), rng.normal(), 0, 0, 0];
    if (level > 0) row[2 + level] = 1;
    X.data.set(row, i * 6);
    y[i] = 90 - row[0] + 20 * row[5] + 0.05 * row[1] + rng.normal();
  }
  return { X, y };
}

const GROUPS = [{ name: 'profession', columns: [3, 4, 5] }];
const NAMES = ['age', 'income', 'noise', 'p_b', 'p_c', 'p_d'];

function expectAdditive(model: Regressor, X: Matrix, options = {}) {
  const g = explainGlobal(model, X, { featureGroups: GROUPS, columnNames: NAMES, ...options });
  const direct = model.predict(X);
  for (let i = 0; i < X.rows; i++) {
    let total = g.baseValue;
    for (let f = 0; f < g.features.length; f++) total += g.contributions.data[i * g.features.length + f];
    expect(Math.abs(total - direct[i]) / Math.max(1, Math.abs(direct[i]))).toBeLessThan(1e-9);
  }
  return g;
}

describe('explaining fitted regressors', () => {
  const { X, y } = synthetic(1, 300);
  const sample = matrixFromRows(Array.from({ length: 40 }, (_, i) => X.data.subarray(i * 6, i * 6 + 6)));

  it('random forest: TreeSHAP is additive against predict and ranks age first', () => {
    const forest = fitRandomForest(X, y, { nEstimators: 20, maxDepth: 6, seed: 3 });
    const g = expectAdditive(forest, sample);
    expect(g.algorithm).toBe('tree');
    // 300 rows take the per-leaf table path; it must agree with Algorithm 2.
    const tables = treeShap(forest.ensemble, X);
    const classic = treeShap(forest.ensemble, X, { variant: 'classic' });
    for (let k = 0; k < tables.values.data.length; k++) {
      expect(Math.abs(tables.values.data[k] - classic.values.data[k])).toBeLessThan(1e-9);
    }
    expectAdditive(forest, X);
    expect(g.importance.map((i) => i.feature).slice(0, 2)).toEqual(['age', 'profession']);
  });

  it('gradient boosting: TreeSHAP is additive and equals brute-force Shapley values', () => {
    const boosting = fitGradientBoosting(X, y, { nEstimators: 15, maxDepth: 3, seed: 2 });
    const g = expectAdditive(boosting, sample);
    expect(g.importance[0].feature).toBe('age');
    const r = treeShap(boosting.ensemble, sample);
    for (let i = 0; i < 5; i++) {
      const exact = bruteForceTreeShap(boosting.ensemble, sample.data.subarray(i * 6, i * 6 + 6));
      for (let j = 0; j < 6; j++) expect(Math.abs(r.values.data[i * 6 + j] - exact[j])).toBeLessThan(1e-9);
    }
  });

  it('linear regression: linear SHAP is additive with the training data as background', () => {
    const linear = fitLinearRegression(X, y);
    const g = expectAdditive(linear, sample, { background: X });
    expect(g.algorithm).toBe('linear');
    expect(g.importance[0].feature).toBe('age');
    const e = explainPrediction(linear, X.data.subarray(0, 6), { background: X, method: 'lime', seed: 1 });
    expect(e.algorithm).toBe('lime');
    expect(e.contributions).toHaveLength(6);
  });

  const csv = fileURLToPath(new URL('../../../../../shared/data/Customers.csv', import.meta.url));
  it.skipIf(!existsSync(csv))('explains a forest fitted on Customers.csv (skipped: dataset absent)', () => {
    const lines = readFileSync(csv, 'utf8').trim().split(/\r?\n/).slice(1, 401);
    const cells = lines.map((l) => l.split(','));
    const professions = [...new Set(cells.map((c) => c[4]))].sort();
    const rows = cells.map((c) => [
      c[1] === 'Male' ? 1 : 0,
      Number(c[2]),
      Number(c[3]),
      Number(c[5]),
      Number(c[6]),
      ...professions.map((p) => (c[4] === p ? 1 : 0)),
    ]);
    const data = matrixFromRows(rows);
    const target = Float64Array.from(cells, (c) => Number(c[7]));
    const forest = fitRandomForest(data, target, { nEstimators: 20, maxDepth: 8, seed: 1 });
    const groups = [{ name: 'profession', columns: professions.map((_, j) => 5 + j) }];
    const e = explainPrediction(forest, rows[0], {
      featureGroups: groups,
      columnNames: ['gender', 'age', 'income', 'experience', 'familySize', ...professions],
      rawValues: { profession: cells[0][4] },
    });
    expect(e.contributions.map((c) => c.feature)).toEqual([
      'profession',
      'gender',
      'age',
      'income',
      'experience',
      'familySize',
    ]);
    expect(e.contributions[0].value).toBe(cells[0][4]);
    expect(e.additivityError).toBeLessThan(1e-9);
  });
});
