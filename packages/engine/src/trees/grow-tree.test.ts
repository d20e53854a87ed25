import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { binMatrix, fitFeatureBins, type BinnedData } from './feature-bins.js';
import { bootstrapCounts, growForestTree, type ForestTreeJob } from './forest-trees.js';
import { growForestParallel } from './grow-forest-parallel.js';
import { growTree } from './grow-tree.js';
import { predictEnsembleFast } from './predict-trees.js';
import { predictEnsemble, predictTreeAt, type TreeArrays } from './tree-ensemble.js';

function dataset(n: number, seed: number): { X: Matrix; y: Float64Array } {
  const rng = createRng(seed);
  const X = createMatrix(n, 4);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X.data[i * 4] = rng.next() * 1000; // many distinct values → quantile bins
    X.data[i * 4 + 1] = rng.nextInt(7); // few distinct values
    X.data[i * 4 + 2] = rng.nextInt(2); // one-hot like
    X.data[i * 4 + 3] = 5; // constant
    y[i] = Math.sin(X.data[i * 4] / 150) * 10 + X.data[i * 4 + 1] + 3 * X.data[i * 4 + 2] + rng.normal();
  }
  return { X, y };
}

const binned = (X: Matrix, maxBins = 255): BinnedData => {
  const bins = fitFeatureBins(X, maxBins);
  return { nRows: X.rows, nFeatures: X.cols, codes: binMatrix(X, bins), bins };
};

const params = {
  maxDepth: Infinity,
  minSamplesLeaf: 1,
  minSamplesSplit: 2,
  maxFeatures: 4,
  maxLeafNodes: Infinity,
  l2: 0,
};

/** Checks the invariants TreeSHAP relies on, node by node. */
function checkTree(tree: TreeArrays, nodeRows: (node: number) => number[], y: Float64Array, w: Float64Array) {
  for (let node = 0; node < tree.feature.length; node++) {
    const rows = nodeRows(node);
    const cover = rows.reduce((a, r) => a + w[r], 0);
    const mean = rows.reduce((a, r) => a + w[r] * y[r], 0) / cover;
    expect(tree.cover[node]).toBeCloseTo(cover, 9);
    expect(tree.value[node]).toBeCloseTo(mean, 9);
    if (tree.left[node] !== -1) {
      expect(tree.cover[node]).toBeCloseTo(tree.cover[tree.left[node]] + tree.cover[tree.right[node]], 9);
      expect(Number.isFinite(tree.threshold[node])).toBe(true);
    }
  }
}

function rowsReaching(tree: TreeArrays, X: Matrix, rows: number[]): (node: number) => number[] {
  const byNode = new Map<number, number[]>();
  for (const r of rows) {
    let node = 0;
    for (;;) {
      byNode.set(node, [...(byNode.get(node) ?? []), r]);
      if (tree.left[node] === -1) break;
      node =
        X.data[r * X.cols + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
    }
  }
  return (node) => byNode.get(node) ?? [];
}

describe('fitFeatureBins / binMatrix', () => {
  it('uses ≤ maxBins quantile bins and x <= edges[b] ⇔ code <= b', () => {
    const { X } = dataset(2000, 1);
    const bins = fitFeatureBins(X, 32);
    expect(bins.nBins[0]).toBeLessThanOrEqual(32);
    expect(bins.nBins[0]).toBeGreaterThan(28);
    expect(bins.nBins[1]).toBe(7);
    expect(bins.nBins[3]).toBe(1);
    const codes = binMatrix(X, bins);
    let mismatches = 0;
    for (let i = 0; i < X.rows; i++) {
      for (let f = 0; f < 3; f++) {
        const x = X.data[i * 4 + f];
        const c = codes[i * 4 + f];
        bins.edges[f].forEach((e, b) => {
          if (x <= e !== c <= b) mismatches++;
        });
      }
    }
    expect(mismatches).toBe(0);
  });
});

describe('growTree', () => {
  it('keeps cover and value exact at every node, and routes raw rows like binned rows', () => {
    const { X, y } = dataset(400, 2);
    const data = binned(X);
    const rows = Uint32Array.from({ length: 400 }, (_, i) => i);
    const w = new Float64Array(400).fill(1);
    const { tree } = growTree(data, y, null, rows, { ...params, minSamplesLeaf: 3 }, createRng(1));
    expect(tree.cover[0]).toBe(400);
    checkTree(tree, rowsReaching(tree, X, [...Array(400).keys()]), y, w);
  });

  it('weights rows by bootstrap counts (cover = bootstrap rows reaching the node)', () => {
    const { X, y } = dataset(300, 3);
    const data = binned(X);
    const job: ForestTreeJob = { params, bootstrap: true, nSamples: 300 };
    const tree = growForestTree(data, y, 99, job);
    const counts = bootstrapCounts(300, 99, job);
    expect(tree.cover[0]).toBe(300);
    const inBag = [...Array(300).keys()].filter((i) => counts[i] > 0);
    checkTree(tree, rowsReaching(tree, X, inBag), y, counts);
    // Fully grown: every leaf is pure in y or cannot be split further on the binned features.
    expect(tree.feature.length).toBeGreaterThan(100);
  });

  it('grows best-first up to maxLeafNodes and respects maxDepth', () => {
    const { X, y } = dataset(500, 4);
    const data = binned(X);
    const rows = Uint32Array.from({ length: 500 }, (_, i) => i);
    const { tree } = growTree(
      data,
      y,
      null,
      rows,
      { ...params, maxLeafNodes: 8, minSamplesLeaf: 5 },
      createRng(1),
    );
    expect(tree.left.filter((l) => l === -1).length).toBe(8);
    const deep = growTree(data, y, null, rows.slice(), { ...params, maxDepth: 2 }, createRng(1)).tree;
    expect(deep.feature.length).toBeLessThanOrEqual(7);
  });

  it('predicts the same through the fast tree-major path as through predictEnsemble', () => {
    const { X, y } = dataset(500, 5);
    const data = binned(X);
    const job: ForestTreeJob = { params, bootstrap: true, nSamples: 500 };
    const trees = [1, 2, 3].map((s) => growForestTree(data, y, s, job));
    const ensemble = { trees, init: 0.25, weight: 1 / 3, nFeatures: 4 };
    const a = predictEnsemble(ensemble, X);
    const b = predictEnsembleFast(ensemble, X);
    a.forEach((v, i) => expect(Object.is(v, b[i])).toBe(true));
    const single = trees.reduce((acc, t) => acc + predictTreeAt(t, X.data, 0), 0);
    expect(b[0]).toBe(0.25 + (1 / 3) * single);
  });
});

describe('growForestParallel', () => {
  it('builds on worker threads exactly the trees the main thread builds', async () => {
    const { X, y } = dataset(800, 6);
    const data = binned(X);
    const job: ForestTreeJob = { params, bootstrap: true, nSamples: 800 };
    const seeds = [11, 12, 13, 14, 15];
    const parallel = await growForestParallel(data, y, seeds, job, 2);
    seeds.forEach((seed, t) => {
      const serial = growForestTree(data, y, seed, job);
      expect(parallel[t].threshold).toEqual(serial.threshold);
      expect(parallel[t].value).toEqual(serial.value);
      expect(parallel[t].cover).toEqual(serial.cover);
      expect(parallel[t].left).toEqual(serial.left);
    });
  });
});
