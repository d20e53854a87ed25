// @bench-data customers:1000000
// Standard-scaled k-means, k=5, 10 restarts, on 1,000,000 synthetic customers × 3 features.
import { fitKMeansParallel } from '../../src/clustering/index.js';
import {
  benchDataPaths,
  loadNumericColumns,
  printReport,
  SEGMENT_FEATURES,
  standardScale,
} from '../bench-kit.js';

const [csv] = benchDataPaths();
const t0 = performance.now();
const X = standardScale(loadNumericColumns(csv, SEGMENT_FEATURES));
const t1 = performance.now();
const model = await fitKMeansParallel(X, { nClusters: 5, nInit: 10, seed: 42 });
const t2 = performance.now();
printReport((t2 - t1) / 1000, {
  rows: X.rows,
  inertia: model.inertia,
  iterations: model.iterations,
  loadSeconds: (t1 - t0) / 1000,
});
