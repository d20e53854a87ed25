// Integration: explaining the prediction area's SpendingModel on raw customer rows, the way the
// platform will call it (encode the raw row, explain the regressor, fold through featureGroups).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromCustomerCsv } from '../preprocessing/customer-columns.js';
import { selectTableRows, type RawRow, type Table } from '../preprocessing/table.js';
import { fitSpendingModel, type SpendingModel } from '../prediction/spending-model.js';
import { explainGlobal, explainPrediction, type ExplainOptions } from './explain-prediction.js';

const fixture = tableFromCustomerCsv(
  readFileSync(new URL('../../reference/prediction/synthetic-customers-3000.csv', import.meta.url), 'utf8'),
);
const train = selectTableRows(
  fixture,
  Array.from({ length: 600 }, (_, i) => i),
);

function rowOf(t: Table, i: number): RawRow {
  const row: Record<string, unknown> = {};
  for (const name of t.columnNames) row[name] = t.columns[name].values[i];
  return row;
}

function explainRaw(model: SpendingModel, raw: RawRow, options: ExplainOptions = {}) {
  const x = model.encode([raw]).data;
  const rawValues: Record<string, number | string> = {};
  for (const f of model.featureNames) rawValues[f] = raw[f] as number | string;
  return explainPrediction(model.regressor, x, {
    featureGroups: model.featureGroups,
    columnNames: model.outputColumnNames,
    background: model.background,
    rawValues,
    seed: 1,
    ...options,
  });
}

describe('explaining a SpendingModel', () => {
  it('forest: one contribution per original feature, raw values shown, additive to the prediction', async () => {
    const model = await fitSpendingModel(train, {
      algorithm: 'random-forest',
      randomForest: { nEstimators: 20, maxDepth: 8 },
      parallel: false,
      cvFolds: 2,
    });
    const raw = rowOf(train, 3);
    const e = explainRaw(model, raw);
    expect(e.algorithm).toBe('tree');
    expect(e.contributions.map((c) => c.feature)).toEqual(model.featureNames);
    const profession = e.contributions.find((c) => c.feature === 'profession');
    expect(profession?.value).toBe(raw.profession);
    expect(e.prediction).toBeCloseTo(model.predict([raw])[0].prediction, 9);
    expect(e.additivityError).toBeLessThan(1e-9);
    const g = explainGlobal(model.regressor, model.encode(selectTableRows(train, [0, 1, 2, 3, 4, 5, 6, 7])), {
      featureGroups: model.featureGroups,
      columnNames: model.outputColumnNames,
    });
    expect(g.features).toEqual(model.featureNames);
    expect(g.maxAdditivityError).toBeLessThan(1e-9);
  });

  it('linear: linear SHAP against the stored background, and LIME on the same row', async () => {
    const model = await fitSpendingModel(train, { algorithm: 'linear', cvFolds: 2 });
    const raw = rowOf(train, 10);
    const shap = explainRaw(model, raw);
    expect(shap.algorithm).toBe('linear');
    expect(shap.additivityError).toBeLessThan(1e-9);
    const lime = explainRaw(model, raw, { method: 'lime', nSamples: 1000 });
    expect(lime.algorithm).toBe('lime');
    expect(lime.contributions.map((c) => c.feature)).toEqual(model.featureNames);
    expect(lime.lime?.score).toBeGreaterThan(0);
  });
});
