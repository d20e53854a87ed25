import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import { matrixFrom, type Matrix } from '../core/matrix.js';
import { adjustedRandIndex } from './adjusted-rand-index.js';
import { fitKMeans, kmeansFromJSON, KMeansModel } from './kmeans.js';
import { makeBlobs } from './make-blobs.js';

const REF = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../reference/clustering/clustering-reference.json', import.meta.url)),
    'utf8',
  ),
) as {
  kmeansBlobs: { rows: number; cols: number; X: number[]; inertiaByK: Record<string, number> };
  customers?: { rows: number; inertiaByK: Record<string, number> };
};
const CUSTOMERS_CSV = fileURLToPath(new URL('../../../../../shared/data/Customers.csv', import.meta.url));

/** Age, Annual Income, Spending Score from Customers.csv, standard-scaled with the population std. */
function loadScaledCustomers(): Matrix {
  const lines = readFileSync(CUSTOMERS_CSV, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const cols = ['Age', 'Annual Income ($)', 'Spending Score (1-100)'].map((c) => header.indexOf(c));
  const rows: number[][] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const v = cols.map((c) => (f[c] === '' ? NaN : Number(f[c])));
    if (v.every(Number.isFinite)) rows.push(v);
  }
  const n = rows.length;
  const data = new Float64Array(n * 3);
  for (let j = 0; j < 3; j++) {
    const mean = rows.reduce((s, r) => s + r[j], 0) / n;
    const std = Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / n);
    for (let i = 0; i < n; i++) data[i * 3 + j] = (rows[i][j] - mean) / std;
  }
  return matrixFrom(data, n, 3);
}

describe('fitKMeans', () => {
  const blobs = REF.kmeansBlobs;
  const B = matrixFrom(Float64Array.from(blobs.X), blobs.rows, blobs.cols);

  it.each(Object.entries(blobs.inertiaByK))('inertia for k=%s is within 0.1%% of scikit-learn', (k, ref) => {
    const model = fitKMeans(B, { nClusters: Number(k), nInit: 10, seed: 42 });
    expect(model.inertia).toBeLessThanOrEqual(ref * 1.001);
    expect(model.converged).toBe(true);
  });

  it.skipIf(!existsSync(CUSTOMERS_CSV) || !REF.customers)(
    'inertia on standard-scaled Customers.csv is within 0.1% of scikit-learn for k=2..10',
    () => {
      const Z = loadScaledCustomers();
      expect(Z.rows).toBe(REF.customers!.rows);
      for (const [k, ref] of Object.entries(REF.customers!.inertiaByK)) {
        const model = fitKMeans(Z, { nClusters: Number(k), nInit: 10, seed: 42 });
        expect(model.inertia, `k=${k}`).toBeLessThanOrEqual(ref * 1.001);
      }
    },
  );

  it('recovers planted blobs and labels are consistent with the centres', () => {
    const { X, labels } = makeBlobs({ rows: 1500, cols: 3, centers: 5, clusterStd: 0.8, seed: 3 });
    const model = fitKMeans(X, { nClusters: 5, seed: 1 });
    expect(adjustedRandIndex(labels, model.labels)).toBeGreaterThan(0.99);
    expect(Array.from(model.predict(X))).toEqual(Array.from(model.labels));
  });

  it('is deterministic for a seed and explores differently with another', () => {
    const a = fitKMeans(B, { nClusters: 6, nInit: 3, seed: 9 });
    const b = fitKMeans(B, { nClusters: 6, nInit: 3, seed: 9 });
    expect(Array.from(a.centers.data)).toEqual(Array.from(b.centers.data));
    expect(a.inertia).toBe(b.inertia);
  });

  it('reports non-convergence as a field', () => {
    const model = fitKMeans(B, { nClusters: 7, nInit: 1, maxIterations: 1, tolerance: 0, seed: 2 });
    expect(model.iterations).toBe(1);
    expect(model.converged).toBe(false);
    expect(model.warnings.join(' ')).toMatch(/did not converge/);
  });

  it('inertia equals the sum of squared distances to the predicted centres', () => {
    const model = fitKMeans(B, { nClusters: 4, seed: 5 });
    let total = 0;
    for (let i = 0; i < B.rows; i++) {
      const c = model.labels[i];
      for (let j = 0; j < 3; j++) total += (B.data[i * 3 + j] - model.centers.data[c * 3 + j]) ** 2;
    }
    expect(model.inertia).toBeCloseTo(total, 6);
  });

  it('round-trips through JSON and rejects other kinds and versions', () => {
    const model = fitKMeans(B, { nClusters: 3, nInit: 2 });
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const back = KMeansModel.fromJSON(json);
    expect(Array.from(back.predict(B))).toEqual(Array.from(model.predict(B)));
    expect(() => kmeansFromJSON({ ...json, kind: 'gmm' })).toThrow(EngineError);
    expect(() => kmeansFromJSON({ ...json, version: 99 })).toThrow(/not supported/);
  });

  it('rejects bad options', () => {
    expect(() => fitKMeans(B, { nClusters: 0 })).toThrow(EngineError);
    expect(() => fitKMeans(matrixFrom(new Float64Array(6), 2, 3), { nClusters: 3 })).toThrow(/exceeds/);
  });

  it('handles duplicate points (fewer distinct points than k) without crashing', () => {
    const X = matrixFrom(Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2]), 5, 2);
    const model = fitKMeans(X, { nClusters: 4, seed: 1 });
    expect(model.inertia).toBeCloseTo(0, 12);
    expect(model.labels.length).toBe(5);
  });
});
