import { describe, expect, it } from 'vitest';
import { fitKMeansParallel } from './fit-kmeans-parallel.js';
import { fitKMeans } from './kmeans.js';
import { makeBlobs } from './make-blobs.js';

describe('fitKMeansParallel', () => {
  it('runs restarts in a worker thread and gives exactly the single-thread result', async () => {
    const { X } = makeBlobs({ rows: 5000, cols: 3, centers: 6, clusterStd: 2, seed: 2 });
    const options = { nClusters: 6, nInit: 4, seed: 11 };
    const single = fitKMeans(X, options);
    const parallel = await fitKMeansParallel(X, {
      ...options,
      threads: 2,
      parallelMinRows: 0,
      strictWorkers: true,
    });
    expect(parallel.inertia).toBe(single.inertia);
    expect(Array.from(parallel.centers.data)).toEqual(Array.from(single.centers.data));
    expect(Array.from(parallel.labels)).toEqual(Array.from(single.labels));
  });
});
