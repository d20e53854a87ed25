import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import { matrixFrom } from '../core/matrix.js';
import { adjustedRandIndex } from './adjusted-rand-index.js';
import { calinskiHarabaszScore } from './calinski-harabasz-score.js';
import { daviesBouldinScore } from './davies-bouldin-score.js';
import { makeBlobs } from './make-blobs.js';
import { silhouetteSamples, silhouetteScore } from './silhouette-score.js';

const REF = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../reference/clustering/clustering-reference.json', import.meta.url)),
    'utf8',
  ),
).metrics as {
  rows: number;
  cols: number;
  X: number[];
  labels: number[];
  otherLabels: number[];
  silhouette: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
  adjustedRand: number;
};
const X = matrixFrom(Float64Array.from(REF.X), REF.rows, REF.cols);

describe('cluster quality against scikit-learn', () => {
  it('silhouette matches within 1e-9', () => {
    expect(Math.abs(silhouetteScore(X, REF.labels) - REF.silhouette)).toBeLessThan(1e-9);
  });
  it('Calinski–Harabasz matches within 1e-9 (relative)', () => {
    expect(Math.abs(calinskiHarabaszScore(X, REF.labels) / REF.calinskiHarabasz - 1)).toBeLessThan(1e-9);
  });
  it('Davies–Bouldin matches within 1e-9', () => {
    expect(Math.abs(daviesBouldinScore(X, REF.labels) - REF.daviesBouldin)).toBeLessThan(1e-9);
  });
  it('adjusted Rand index matches within 1e-12', () => {
    expect(Math.abs(adjustedRandIndex(REF.labels, REF.otherLabels) - REF.adjustedRand)).toBeLessThan(1e-12);
  });
});

describe('cluster quality invariants', () => {
  it('ARI is 1 for a renaming and symmetric', () => {
    const renamed = REF.labels.map((l) => [7, -1, 3, 12][l]);
    expect(adjustedRandIndex(REF.labels, renamed)).toBe(1);
    expect(adjustedRandIndex(REF.otherLabels, REF.labels)).toBeCloseTo(REF.adjustedRand, 12);
  });

  it('silhouette values lie in [-1, 1], singletons score 0, and labels are validated', () => {
    const labels = [...REF.labels];
    labels[0] = 99;
    const s = silhouetteSamples(X, labels);
    expect(s[0]).toBe(0);
    for (const v of s) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(() => silhouetteScore(X, new Array(REF.rows).fill(0))).toThrow(EngineError);
    expect(() => silhouetteScore(X, [1, 2])).toThrow(EngineError);
  });

  it('sampled silhouette is seeded, equals the exact score when the sample covers all rows, and is close otherwise', () => {
    const { X: B, labels } = makeBlobs({ rows: 3000, cols: 3, centers: 4, clusterStd: 2, seed: 1 });
    const exact = silhouetteScore(B, labels);
    expect(silhouetteScore(B, labels, { sampleSize: 5000 })).toBe(exact);
    const a = silhouetteScore(B, labels, { sampleSize: 600, seed: 4 });
    expect(silhouetteScore(B, labels, { sampleSize: 600, seed: 4 })).toBe(a);
    expect(Math.abs(a - exact)).toBeLessThan(0.05);
  });
});
