// @bench-data customers:2000
// Standard-scaled features, exact silhouette on 2,000 rows; labels from a fixed rule on the spending score so both sides
// score the same partition.
import { silhouetteScore } from '../../src/clustering/index.js';
import {
  benchDataPaths,
  loadNumericColumns,
  printReport,
  SEGMENT_FEATURES,
  standardScale,
} from '../bench-kit.js';

const [csv] = benchDataPaths();
const columns = loadNumericColumns(csv, SEGMENT_FEATURES);
const X = standardScale(columns);
const labels = Int32Array.from(columns[2], (s) => Math.min(4, Math.floor((s - 1) / 20)));
const t0 = performance.now();
const score = silhouetteScore(X, labels);
const t1 = performance.now();
printReport((t1 - t0) / 1000, { rows: X.rows, silhouette: score });
