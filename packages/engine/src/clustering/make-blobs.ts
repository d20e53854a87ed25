/**
 * Seeded isotropic Gaussian blobs for tests and demos (like scikit-learn `make_blobs`).
 * Centres are drawn uniformly in [-box, box]^d, or given.
 */
import { createMatrix, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';

export interface BlobsOptions {
  rows: number;
  cols: number;
  centers: number | readonly (readonly number[])[];
  clusterStd?: number;
  box?: number;
  seed?: number;
}

/** Rows assigned round-robin to the centres, then shuffled by the same seed. */
export function makeBlobs(options: BlobsOptions): { X: Matrix; labels: Int32Array } {
  const { rows, cols, clusterStd = 1, box = 10, seed = 0 } = options;
  const rng = createRng(seed);
  const centers =
    typeof options.centers === 'number'
      ? Array.from({ length: options.centers }, () =>
          Array.from({ length: cols }, () => (rng.next() * 2 - 1) * box),
        )
      : options.centers.map((c) => [...c]);
  const X = createMatrix(rows, cols);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = i % centers.length;
    labels[i] = c;
    for (let j = 0; j < cols; j++) X.data[i * cols + j] = centers[c][j] + clusterStd * rng.normal();
  }
  return { X, labels };
}
