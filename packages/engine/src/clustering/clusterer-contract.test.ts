/**
 * One contract, three clusterers: every fitted model labels every row, stays in range, is
 * deterministic for a seed, predicts its own training rows, survives JSON, and rejects bad input.
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import { matrixFrom, type Matrix } from '../core/matrix.js';
import { clustererFromJSON } from './clusterer-from-json.js';
import { dbscanFromJSON, fitDbscan } from './dbscan.js';
import { fitGaussianMixture, gaussianMixtureFromJSON } from './gaussian-mixture.js';
import { fitKMeans, kmeansFromJSON } from './kmeans.js';
import { makeBlobs } from './make-blobs.js';

interface FittedClusterer {
  labels: Int32Array;
  nClusters: number;
  predict(X: Matrix): Int32Array;
  toJSON(): unknown;
}

interface ClustererCase {
  name: string;
  fit(X: Matrix, seed: number): FittedClusterer;
  fromJSON(json: unknown): FittedClusterer;
  allowsNoise: boolean;
  /** Rows whose predicted label must equal the training label. */
  predictableRows(model: FittedClusterer): number[];
}

const all = (m: FittedClusterer) => Array.from(m.labels.keys());

const CASES: ClustererCase[] = [
  {
    name: 'k-means',
    fit: (X, seed) => fitKMeans(X, { nClusters: 4, nInit: 3, seed }),
    fromJSON: kmeansFromJSON,
    allowsNoise: false,
    predictableRows: all,
  },
  {
    name: 'Gaussian mixture',
    fit: (X, seed) => fitGaussianMixture(X, { nClusters: 4, covarianceType: 'full', seed }),
    fromJSON: gaussianMixtureFromJSON,
    allowsNoise: false,
    predictableRows: all,
  },
  {
    name: 'DBSCAN',
    fit: (X) => fitDbscan(X, { eps: 0.9, minSamples: 5 }),
    fromJSON: dbscanFromJSON,
    allowsNoise: true,
    predictableRows: (m) => Array.from((m as ReturnType<typeof fitDbscan>).coreSampleIndices),
  },
];

const { X } = makeBlobs({ rows: 400, cols: 3, centers: 4, clusterStd: 0.6, seed: 21 });

describe.each(CASES)('clusterer contract: $name', (c) => {
  const model = c.fit(X, 7);

  it('labels every row, within range', () => {
    expect(model.labels.length).toBe(X.rows);
    expect(model.nClusters).toBeGreaterThan(0);
    for (const l of model.labels) {
      expect(l).toBeLessThan(model.nClusters);
      expect(l).toBeGreaterThanOrEqual(c.allowsNoise ? -1 : 0);
    }
  });

  it('is deterministic for the same seed', () => {
    expect(Array.from(c.fit(X, 7).labels)).toEqual(Array.from(model.labels));
  });

  it('predict on training rows agrees with the training labels', () => {
    const pred = model.predict(X);
    const rows = c.predictableRows(model);
    expect(rows.length).toBeGreaterThan(0);
    for (const i of rows) expect(pred[i]).toBe(model.labels[i]);
  });

  it('round-trips through JSON and predicts identically', () => {
    const back = c.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(back.predict(X))).toEqual(Array.from(model.predict(X)));
    const any = clustererFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(any.predict(X))).toEqual(Array.from(model.predict(X)));
    expect(() => clustererFromJSON({ kind: 'random-forest', version: 1, params: {} })).toThrow(EngineError);
  });

  it('rejects NaN and empty input with EngineError', () => {
    const bad = matrixFrom(Float64Array.from(X.data), X.rows, X.cols);
    bad.data[5] = NaN;
    expect(() => c.fit(bad, 1)).toThrow(EngineError);
    expect(() => c.fit(matrixFrom(new Float64Array(0), 0, 3), 1)).toThrow(EngineError);
    expect(() => model.predict(bad)).toThrow(EngineError);
  });
});
