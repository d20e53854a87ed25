/**
 * Holdout R² of the forest and the boosted trees against scikit-learn's
 * RandomForestRegressor(n_estimators=100, random_state=42) on the same split (row i is a test row
 * when i % 5 == 4), from reference/prediction/forest_reference.py. Bar: ours ≥ sklearn − 0.01.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableFromCustomerCsv } from '../preprocessing/customer-columns.js';
import { getNumericColumn, selectTableRows } from '../preprocessing/table.js';
import { fitTabularTransformer } from '../preprocessing/tabular-transformer.js';
import { fitGradientBoosting } from './gradient-boosting.js';
import { fitRandomForest } from './random-forest.js';
import { regressionMetrics } from './regression-metrics.js';

interface Scores {
  randomForestR2: number;
  histGradientBoostingR2: number;
}
const reference = JSON.parse(
  readFileSync(new URL('../../reference/prediction/forest-reference.json', import.meta.url), 'utf8'),
) as { synthetic: Scores; customers?: Scores };
const syntheticPath = new URL('../../reference/prediction/synthetic-customers-3000.csv', import.meta.url);
const customersPath = new URL('../../../../../shared/data/Customers.csv', import.meta.url);

function holdout(path: URL) {
  const table = tableFromCustomerCsv(readFileSync(path, 'utf8'));
  const all = [...Array(table.nRows).keys()];
  const train = selectTableRows(
    table,
    all.filter((i) => i % 5 !== 4),
  );
  const test = selectTableRows(
    table,
    all.filter((i) => i % 5 === 4),
  );
  const { X, transformer } = fitTabularTransformer(train, {
    numeric: ['annual_income', 'age', 'work_experience', 'family_size'],
    categorical: ['profession'],
  });
  return {
    X,
    y: getNumericColumn(train, 'spending_score'),
    Xt: transformer.transform(test),
    yt: getNumericColumn(test, 'spending_score'),
  };
}

function check(path: URL, ref: Scores) {
  const { X, y, Xt, yt } = holdout(path);
  const forest = fitRandomForest(X, y, { nEstimators: 100, seed: 42 });
  const forestR2 = regressionMetrics(yt, forest.predict(Xt)).r2;
  expect(forestR2).toBeGreaterThanOrEqual(ref.randomForestR2 - 0.01);
  const boosted = fitGradientBoosting(X, y, { seed: 42, earlyStopping: true });
  const boostedR2 = regressionMetrics(yt, boosted.predict(Xt)).r2;
  expect(boostedR2).toBeGreaterThanOrEqual(ref.randomForestR2 - 0.01);
}

describe('tree models against scikit-learn', () => {
  it('match the sklearn random forest R² (−0.01) on the synthetic 3,000-row fixture', () => {
    check(syntheticPath, reference.synthetic);
  });

  it.skipIf(!existsSync(customersPath) || !reference.customers)(
    'match the sklearn random forest R² (−0.01) on the real Customers.csv (skipped when the file is absent)',
    () => {
      check(customersPath, reference.customers as Scores);
    },
  );
});
