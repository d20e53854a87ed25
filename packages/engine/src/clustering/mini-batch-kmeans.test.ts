import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import type { Matrix } from '../core/matrix.js';
import { adjustedRandIndex } from './adjusted-rand-index.js';
import { fitKMeans } from './kmeans.js';
import { makeBlobs } from './make-blobs.js';
import { createMiniBatchKMeans, fitMiniBatchKMeans } from './mini-batch-kmeans.js';

const { X, labels: planted } = makeBlobs({ rows: 20_000, cols: 3, centers: 5, clusterStd: 1, seed: 31 });

/** Batches as views over X, never holding more than one batch's worth of new memory. */
function* batchesOf(m: Matrix, size: number): Generator<Matrix> {
  for (let s = 0; s < m.rows; s += size) {
    const e = Math.min(m.rows, s + size);
    yield { data: m.data.subarray(s * m.cols, e * m.cols), rows: e - s, cols: m.cols };
  }
}

describe('fitMiniBatchKMeans', () => {
  it('reaches nearly the full k-means inertia on planted blobs from a batch factory', () => {
    const model = fitMiniBatchKMeans(() => batchesOf(X, 1024), { nClusters: 5, seed: 4 });
    const full = fitKMeans(X, { nClusters: 5, nInit: 3, seed: 4 });
    expect(model.inertia).toBeLessThan(full.inertia * 1.02);
    expect(adjustedRandIndex(planted, model.predict(X))).toBeGreaterThan(0.95);
    expect(model.labels.length).toBe(0);
    expect(model.iterations).toBeGreaterThanOrEqual(1);
  });

  it('is deterministic for a seed', () => {
    const a = fitMiniBatchKMeans(() => batchesOf(X, 2000), { nClusters: 5, seed: 9, maxPasses: 2 });
    const b = fitMiniBatchKMeans(() => batchesOf(X, 2000), { nClusters: 5, seed: 9, maxPasses: 2 });
    expect(Array.from(a.centers.data)).toEqual(Array.from(b.centers.data));
  });

  it('works on a one-pass iterable and with partialFit', () => {
    const once = fitMiniBatchKMeans(batchesOf(X, 1000), { nClusters: 5, seed: 2 });
    expect(Number.isNaN(once.inertia)).toBe(true);
    expect(adjustedRandIndex(planted, once.predict(X))).toBeGreaterThan(0.9);
    const inc = createMiniBatchKMeans({ nClusters: 5, seed: 2 });
    for (const b of batchesOf(X, 1000)) inc.partialFit(b);
    expect(inc.steps).toBe(20);
    expect(adjustedRandIndex(planted, inc.toModel().predict(X))).toBeGreaterThan(0.9);
  });

  it('rejects empty streams, NaN and mismatched batches', () => {
    expect(() => fitMiniBatchKMeans(() => [], { nClusters: 2 })).toThrow(EngineError);
    const bad = { data: Float64Array.from([1, NaN, 3]), rows: 1, cols: 3 };
    expect(() => fitMiniBatchKMeans(() => [bad], { nClusters: 1 })).toThrow(EngineError);
    const inc = createMiniBatchKMeans({ nClusters: 2 });
    inc.partialFit({ data: new Float64Array(12), rows: 4, cols: 3 });
    expect(() => inc.partialFit({ data: new Float64Array(8), rows: 4, cols: 2 })).toThrow(/columns/);
  });
});
