// @bench-data customers:100000
// Random forest regression of the spending score, 100 trees, scikit-learn's defaults (all features per
// split, fully grown, bootstrap), seed 42. Features: the 4 numeric columns (median-imputed, scaled) +
// one-hot profession. Test rows: i % 5 == 4 (same split on both sides). Timed: fit + predict.
// Trees are grown on worker threads (both cores); the Python side is single-threaded sklearn (n_jobs=None).
import { readFileSync } from 'node:fs';
import { fitRandomForestParallel, regressionMetrics } from '../../src/prediction/index.js';
import {
  fitTabularTransformer,
  getNumericColumn,
  selectTableRows,
  tableFromCustomerCsv,
} from '../../src/preprocessing/index.js';
import { benchDataPaths, printReport } from '../bench-kit.js';

const [csv] = benchDataPaths();
const table = tableFromCustomerCsv(readFileSync(csv, 'utf8'));
const target = getNumericColumn(table, 'spending_score');
const rows = [...Array(table.nRows).keys()].filter((i) => Number.isFinite(target[i]));
const train = selectTableRows(
  table,
  rows.filter((_, k) => k % 5 !== 4),
);
const test = selectTableRows(
  table,
  rows.filter((_, k) => k % 5 === 4),
);
const spec = {
  numeric: ['annual_income', 'age', 'work_experience', 'family_size'],
  categorical: ['profession'],
};

const t0 = performance.now();
const { X, transformer } = fitTabularTransformer(train, spec);
const model = await fitRandomForestParallel(X, getNumericColumn(train, 'spending_score'), {
  nEstimators: 100,
  seed: 42,
});
const pred = model.predict(transformer.transform(test));
const t1 = performance.now();
const { r2 } = regressionMetrics(getNumericColumn(test, 'spending_score'), pred);
printReport((t1 - t0) / 1000, { rows: rows.length, r2 });
