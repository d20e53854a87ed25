// @bench-data customers:1000000
// Standard-scaled mini-batch k-means, k=5, batches of 1,024 rows streamed from the loaded table,
// seed 42; inertia over all rows at the end. scikit-learn twin: MiniBatchKMeans(batch_size=1024, n_init=3).
import type { Matrix } from '../../src/core/matrix.js';
import { fitMiniBatchKMeans } from '../../src/clustering/index.js';
import {
  benchDataPaths,
  loadNumericColumns,
  printReport,
  SEGMENT_FEATURES,
  standardScale,
} from '../bench-kit.js';

const [csv] = benchDataPaths();
const X = standardScale(loadNumericColumns(csv, SEGMENT_FEATURES));

function* batches(size: number): Generator<Matrix> {
  for (let s = 0; s < X.rows; s += size) {
    const e = Math.min(X.rows, s + size);
    yield { data: X.data.subarray(s * X.cols, e * X.cols), rows: e - s, cols: X.cols };
  }
}

const t0 = performance.now();
const model = fitMiniBatchKMeans(() => batches(1024), { nClusters: 5, seed: 42 });
const t1 = performance.now();
printReport((t1 - t0) / 1000, { rows: X.rows, inertia: model.inertia, passes: model.iterations });
