import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matrixFrom } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { adjustedRandIndex } from './adjusted-rand-index.js';
import { fitDbscan } from './dbscan.js';
import { findKnee } from './find-knee.js';
import { buildKdTree } from './kd-tree.js';
import { makeBlobs } from './make-blobs.js';
import { suggestEps } from './suggest-eps.js';

const REF = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../reference/clustering/clustering-reference.json', import.meta.url)),
    'utf8',
  ),
) as {
  kmeansBlobs: { rows: number; cols: number; X: number[] };
  dbscanBlobs: { eps: number; minSamples: number; labels: number[] };
};
const B = matrixFrom(Float64Array.from(REF.kmeansBlobs.X), REF.kmeansBlobs.rows, REF.kmeansBlobs.cols);

describe('fitDbscan', () => {
  it('gives exactly scikit-learn’s labels (same numbering, same noise)', () => {
    const { eps, minSamples, labels } = REF.dbscanBlobs;
    const model = fitDbscan(B, { eps, minSamples });
    expect(Array.from(model.labels)).toEqual(labels);
    expect(model.nClusters).toBe(Math.max(...labels) + 1);
    expect(model.nNoise).toBe(labels.filter((l) => l === -1).length);
  });

  it('predict: core points keep their label, far points are noise', () => {
    const model = fitDbscan(B, { eps: 2, minSamples: 8 });
    const core = model.predict(model.components);
    for (let c = 0; c < model.coreSampleIndices.length; c++) {
      expect(core[c]).toBe(model.labels[model.coreSampleIndices[c]]);
    }
    expect(Array.from(model.predict(matrixFrom(Float64Array.from([1e6, 1e6, 1e6]), 1, 3)))).toEqual([-1]);
  });

  it('every row is noise when minSamples is unreachable', () => {
    const model = fitDbscan(B, { eps: 0.01, minSamples: 50 });
    expect(model.nClusters).toBe(0);
    expect(model.labels.every((l) => l === -1)).toBe(true);
    expect(model.warnings.length).toBe(1);
  });
});

describe('kd-tree', () => {
  it('radius and nearest-neighbour queries agree with brute force', () => {
    const rng = createRng(5);
    const n = 700;
    const d = 3;
    const data = Float64Array.from({ length: n * d }, () => Math.round(rng.normal() * 4) / 2);
    const tree = buildKdTree(data, n, d, 8);
    const dist = (i: number, q: number) =>
      Math.sqrt(
        (data[i * 3] - data[q * 3]) ** 2 +
          (data[i * 3 + 1] - data[q * 3 + 1]) ** 2 +
          (data[i * 3 + 2] - data[q * 3 + 2]) ** 2,
      );
    for (const q of [0, 17, 301, 699]) {
      const brute = Array.from({ length: n }, (_, i) => dist(i, q)).sort((a, b) => a - b);
      expect(tree.countWithin(data, q * 3, 1.5)).toBe(brute.filter((v) => v <= 1.5).length);
      const idx = new Int32Array(7);
      const dd = new Float64Array(7);
      tree.nearest(data, q * 3, 7, idx, dd);
      expect(Array.from(dd)).toEqual(brute.slice(0, 7).map((v) => expect.closeTo(v, 12)));
    }
  });
});

describe('suggestEps', () => {
  it('finds the knee of the k-distance curve and DBSCAN at that eps recovers planted blobs', () => {
    const centers = [
      [0, 0, 0],
      [6, 0, 0],
      [0, 6, 0],
      [0, 0, 6],
      [6, 6, 6],
    ];
    const { X, labels } = makeBlobs({ rows: 1500, cols: 3, centers, clusterStd: 0.5, seed: 12 });
    const { eps, kDistances, kneeIndex } = suggestEps(X, 5);
    expect(kDistances.length).toBe(1500);
    expect(eps).toBe(kDistances[kneeIndex]);
    const model = fitDbscan(X, { eps, minSamples: 5 });
    expect(model.nClusters).toBe(5);
    expect(model.nNoise / X.rows).toBeLessThan(0.1);
    const kept = Array.from(model.labels.keys()).filter((i) => model.labels[i] >= 0);
    expect(
      adjustedRandIndex(
        kept.map((i) => labels[i]),
        kept.map((i) => model.labels[i]),
      ),
    ).toBeGreaterThan(0.99);
  });

  it('findKnee picks the bend of increasing and decreasing convex curves', () => {
    expect(findKnee([1, 1.1, 1.2, 1.3, 5, 10])).toBe(3);
    expect(findKnee([100, 40, 12, 10, 9, 8.5], [2, 3, 4, 5, 6, 7])).toBe(2);
    expect(findKnee([3, 3, 3])).toBe(0);
  });
});
