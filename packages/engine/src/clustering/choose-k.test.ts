import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand-index.js';
import { chooseK, chooseKParallel } from './choose-k.js';
import { fitGaussianMixture } from './gaussian-mixture.js';
import { makeBlobs } from './make-blobs.js';

// five well-separated planted segments in 3-D
const CENTERS = [
  [0, 0, 0],
  [8, 0, 0],
  [0, 8, 0],
  [0, 0, 8],
  [8, 8, 8],
];
const { X, labels: planted } = makeBlobs({ rows: 1000, cols: 3, centers: CENTERS, clusterStd: 1, seed: 17 });

describe('chooseK', () => {
  const result = chooseK(X, { nInit: 3, seed: 42 });

  it('finds the planted number of segments; k-means and the Gaussian mixture recover them', () => {
    expect(result.bestK).toBe(5);
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(adjustedRandIndex(planted, result.model!.labels)).toBeGreaterThanOrEqual(0.9);
    const gmm = fitGaussianMixture(X, { nClusters: result.bestK, seed: 42 });
    expect(adjustedRandIndex(planted, gmm.labels)).toBeGreaterThanOrEqual(0.9);
  });

  it('reports inertia (decreasing), its elbow and BIC per k, which agree here', () => {
    for (let i = 1; i < result.candidates.length; i++) {
      expect(result.candidates[i].inertia).toBeLessThan(result.candidates[i - 1].inertia);
    }
    expect(result.elbowK).toBe(5);
    expect(result.bicK).toBe(5);
    expect(result.disagreement).toBeUndefined();
  });

  it('is deterministic, caps k at n/2, and samples the silhouette for large n', () => {
    const again = chooseK(X, { nInit: 3, seed: 42 });
    expect(again.candidates).toEqual(result.candidates);
    const small = makeBlobs({ rows: 12, cols: 2, centers: 3, seed: 1 }).X;
    expect(chooseK(small, { nInit: 2 }).candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    const sampled = chooseK(X, { nInit: 2, kMax: 6, silhouetteSampleSize: 400, bic: false });
    expect(sampled.silhouetteSampled).toBe(true);
    expect(sampled.bestK).toBe(5);
    expect(sampled.candidates[0].bic).toBeUndefined();
  });

  it('chooseKParallel gives the same answer with worker threads', async () => {
    const par = await chooseKParallel(X, { nInit: 3, seed: 42, kMax: 6, parallelMinRows: 0 });
    const seq = chooseK(X, { nInit: 3, seed: 42, kMax: 6 });
    expect(par.candidates).toEqual(seq.candidates);
    expect(par.bestK).toBe(5);
  });

  it('searches on a subsample when asked, then fits the chosen k on every row', () => {
    const r = chooseK(X, { nInit: 2, kMax: 7, searchSampleSize: 300, seed: 3 });
    expect(r.searchedRows).toBe(300);
    expect(r.silhouetteSampled).toBe(true);
    expect(r.bestK).toBe(5);
    expect(r.model!.labels.length).toBe(X.rows);
    expect(adjustedRandIndex(planted, r.model!.labels)).toBeGreaterThanOrEqual(0.9);
  });

  it('explains a disagreement between silhouette and the other views', () => {
    // two far-apart groups, each made of three close blobs: silhouette prefers 2, BIC prefers 6
    const centers = [
      [0, 0, 0],
      [3, 0, 0],
      [0, 3, 0],
      [40, 40, 40],
      [43, 40, 40],
      [40, 43, 40],
    ];
    const nested = makeBlobs({ rows: 600, cols: 3, centers, clusterStd: 0.5, seed: 5 }).X;
    const r = chooseK(nested, { nInit: 3, kMax: 8 });
    expect(r.bestK).toBe(2);
    expect(r.bicK).toBe(6);
    expect(r.disagreement).toMatch(/Silhouette picks k=2, but .*BIC is lowest at k=6/);
  });
});
