import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import { tableFromCustomerCsv } from '../preprocessing/customer-columns.js';
import { getNumericColumn, selectTableRows, type RawRow, type Table } from '../preprocessing/table.js';
import { isTreeRegressor } from './regressor.js';
import { fitSpendingModel, spendingModelFromJSON, type SpendingModel } from './spending-model.js';

const fixture = tableFromCustomerCsv(
  readFileSync(new URL('../../reference/prediction/synthetic-customers-3000.csv', import.meta.url), 'utf8'),
);
const all = [...Array(fixture.nRows).keys()];
const train = selectTableRows(
  fixture,
  all.filter((i) => i % 5 !== 4),
);
const test = selectTableRows(
  fixture,
  all.filter((i) => i % 5 === 4),
);

function rowOf(t: Table, i: number): RawRow {
  const row: Record<string, unknown> = {};
  for (const name of t.columnNames) row[name] = t.columns[name].values[i];
  return row;
}

const samePredictions = (a: SpendingModel, b: SpendingModel, t: Table) => {
  const pa = a.predict(t);
  const pb = b.predict(t);
  pa.forEach((p, i) => {
    expect(Object.is(p.prediction, pb[i].prediction)).toBe(true);
    expect(Object.is(p.lower, pb[i].lower)).toBe(true);
    expect(Object.is(p.upper, pb[i].upper)).toBe(true);
  });
};

describe('fitSpendingModel', () => {
  it('gives conformal intervals whose held-out coverage is close to the level (forest)', async () => {
    const model = await fitSpendingModel(train, {
      algorithm: 'random-forest',
      randomForest: { nEstimators: 40 },
      parallel: false,
      intervalLevel: 0.9,
    });
    expect(model.interval.level).toBe(0.9);
    expect(model.interval.nResiduals).toBe(train.nRows);
    const pred = model.predict(test);
    const y = getNumericColumn(test, 'spending_score');
    const covered = pred.filter((p, i) => p.lower <= y[i] && y[i] <= p.upper).length / pred.length;
    expect(covered).toBeGreaterThan(0.86);
    expect(covered).toBeLessThan(0.94);
    expect(model.metrics.crossValidation?.folds.length).toBe(5);
    expect(model.metrics.crossValidation?.mean.r2).toBeGreaterThan(0.7);
    expect(isTreeRegressor(model.regressor)).toBe(true);
    expect(model.background.rows).toBe(100);
    expect(model.background.cols).toBe(model.outputColumnNames.length);
    expect(model.featureGroups.map((g) => g.name)).toEqual([
      'annual_income',
      'age',
      'work_experience',
      'family_size',
      'profession',
    ]);
  });

  it('predicts a single raw row (no target) exactly as in a batch, and survives JSON bit for bit', async () => {
    const model = await fitSpendingModel(train, {
      algorithm: 'gradient-boosting',
      gradientBoosting: { nEstimators: 40 },
      cvFolds: 3,
      holdoutFraction: 0.2,
    });
    expect(model.metrics.holdout?.metrics.r2).toBeGreaterThan(0.6);
    const batch = model.predict(test);
    for (const i of [0, 7, 99]) {
      const { spending_score: _target, ...row } = rowOf(test, i);
      const [one] = model.predict([row]);
      expect(Object.is(one.prediction, batch[i].prediction)).toBe(true);
    }
    const [unknown] = model.predict([
      { annual_income: 50_000, age: 30, work_experience: 2, family_size: 3, profession: null },
    ]);
    expect(Number.isFinite(unknown.prediction)).toBe(true);
    const back = spendingModelFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    samePredictions(model, back, test);
    expect(back.metrics.holdout).toEqual(model.metrics.holdout);
    expect(back.featureGroups).toEqual(model.featureGroups);
    expect(back.background.data).toEqual(model.background.data);
  });

  it('fits the linear model, clamps only when asked, and drops rows without a target', async () => {
    const withGap = selectTableRows(train, [...Array(600).keys()]);
    (withGap.columns.spending_score.values as Float64Array)[3] = NaN;
    const model = await fitSpendingModel(withGap, { algorithm: 'linear', clamp: { min: 0, max: 100 } });
    expect(model.droppedRows).toBe(1);
    expect(model.trainingRows).toBe(599);
    for (const p of model.predict(test)) {
      expect(p.lower).toBeGreaterThanOrEqual(0);
      expect(p.upper).toBeLessThanOrEqual(100);
    }
    const back = spendingModelFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    samePredictions(model, back, test);
    await expect(fitSpendingModel(train, { cvFolds: 0 })).rejects.toThrow(EngineError);
    expect(() => model.predict([{ age: 3 }])).toThrow(EngineError);
  });
});
