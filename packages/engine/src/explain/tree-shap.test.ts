import { describe, expect, it } from 'vitest';
import { createMatrix, matrixFromRows, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { predictEnsemble, type TreeEnsemble } from '../trees/tree-ensemble.js';
import { bruteForceTreeShap, flattenTree, randomTree } from './test-fixtures.js';
import { treeExpectedValue, treeShap } from './tree-shap.js';

function randomRows(seed: number, rows: number, cols: number): Matrix {
  const rng = createRng(seed);
  const m = createMatrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.next();
  return m;
}

const relClose = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('treeShap', () => {
  it('matches a hand-computed two-feature tree', () => {
    // x0 <= 0 → 10 (cover 50); else x1 <= 0 → 20 (25) / 40 (25). At x = (1, 1), f = 40, E[f] = 20,
    // v({0}) = 30, v({1}) = 25, so φ0 = ((30 − 20) + (40 − 25)) / 2 = 12.5, φ1 = 7.5.
    const tree = flattenTree({
      feature: 0,
      threshold: 0,
      value: 20,
      cover: 100,
      left: { feature: -1, threshold: 0, value: 10, cover: 50 },
      right: {
        feature: 1,
        threshold: 0,
        value: 30,
        cover: 50,
        left: { feature: -1, threshold: 0, value: 20, cover: 25 },
        right: { feature: -1, threshold: 0, value: 40, cover: 25 },
      },
    });
    const ensemble: TreeEnsemble = { trees: [tree], init: 0, weight: 1, nFeatures: 2 };
    const r = treeShap(ensemble, matrixFromRows([[1, 1]]));
    expect(r.baseValue).toBeCloseTo(20, 12);
    expect(r.values.data[0]).toBeCloseTo(12.5, 12);
    expect(r.values.data[1]).toBeCloseTo(7.5, 12);
    expect(r.predictions[0]).toBeCloseTo(40, 12);
  });

  it.each(['classic', 'tables'] as const)(
    '(%s) equals brute-force exact Shapley values on random small ensembles (1e-9)',
    (variant) => {
      const rng = createRng(11);
      for (let trial = 0; trial < 12; trial++) {
        const M = 2 + (trial % 5); // 2..6 features, so paths often split twice on one feature
        const depth = 1 + (trial % 4); // 1..4
        const trees = Array.from({ length: 1 + (trial % 4) }, () => randomTree(rng, M, depth));
        const ensemble: TreeEnsemble = { trees, init: rng.normal(), weight: 0.3 + rng.next(), nFeatures: M };
        const X = randomRows(100 + trial, 6, M);
        const r = treeShap(ensemble, X, { variant });
        for (let i = 0; i < X.rows; i++) {
          const exact = bruteForceTreeShap(ensemble, X.data.subarray(i * M, (i + 1) * M));
          for (let j = 0; j < M; j++) {
            expect(Math.abs(r.values.data[i * M + j] - exact[j])).toBeLessThan(1e-9);
          }
        }
      }
    },
  );

  it.each(['classic', 'tables'] as const)(
    '(%s) is additive: base value + Σφ = ensemble prediction (1e-9 relative) on deep trees',
    (variant) => {
      const rng = createRng(5);
      const M = 8;
      const trees = Array.from({ length: 20 }, () => randomTree(rng, M, 10, 5000));
      const ensemble: TreeEnsemble = { trees, init: 42, weight: 0.1, nFeatures: M };
      const X = randomRows(9, 200, M);
      const r = treeShap(ensemble, X, { variant });
      const direct = predictEnsemble(ensemble, X);
      for (let i = 0; i < X.rows; i++) {
        let total = r.baseValue;
        for (let j = 0; j < M; j++) total += r.values.data[i * M + j];
        expect(relClose(total, direct[i])).toBeLessThan(1e-9);
        expect(relClose(r.predictions[i], direct[i])).toBeLessThan(1e-9);
      }
    },
  );

  it('uses the cover-weighted mean as the base value and gives unused features zero', () => {
    const rng = createRng(3);
    const trees = [randomTree(rng, 3, 4), randomTree(rng, 3, 4)];
    const ensemble: TreeEnsemble = { trees, init: 1, weight: 0.5, nFeatures: 5 };
    let expected = 0;
    for (const t of trees) {
      let s = 0;
      for (let k = 0; k < t.left.length; k++) if (t.left[k] === -1) s += t.value[k] * t.cover[k];
      expected += s / t.cover[0];
    }
    expect(treeExpectedValue(ensemble)).toBeCloseTo(1 + 0.5 * expected, 12);
    const r = treeShap(ensemble, randomRows(1, 10, 5));
    for (let i = 0; i < 10; i++) {
      expect(r.values.data[i * 5 + 3]).toBe(0);
      expect(r.values.data[i * 5 + 4]).toBe(0);
    }
  });

  it('gives the same values with per-leaf tables as with Algorithm 2 on deep trees', () => {
    const rng = createRng(8);
    const M = 7;
    const trees = Array.from({ length: 10 }, () => randomTree(rng, M, 12, 3000));
    const ensemble: TreeEnsemble = { trees, init: 0, weight: 1, nFeatures: M };
    const X = randomRows(4, 50, M);
    const a = treeShap(ensemble, X, { variant: 'tables' });
    const b = treeShap(ensemble, X, { variant: 'classic' });
    for (let k = 0; k < a.values.data.length; k++) {
      expect(Math.abs(a.values.data[k] - b.values.data[k])).toBeLessThan(1e-9);
    }
  });

  it('handles a child no training row reached without producing NaN', () => {
    const tree = flattenTree({
      feature: 0,
      threshold: 0.5,
      value: 1,
      cover: 10,
      left: { feature: -1, threshold: 0, value: 1, cover: 10 },
      right: { feature: -1, threshold: 0, value: 9, cover: 0 },
    });
    const ensemble: TreeEnsemble = { trees: [tree], init: 0, weight: 1, nFeatures: 1 };
    const r = treeShap(ensemble, matrixFromRows([[0.2], [0.8]]), { variant: 'tables' });
    expect(r.values.data[0]).toBeCloseTo(0, 12);
    expect(r.values.data[1]).toBeCloseTo(8, 12);
  });

  it('rejects a matrix of the wrong width and non-finite input', () => {
    const rng = createRng(1);
    const ensemble: TreeEnsemble = { trees: [randomTree(rng, 2, 2)], init: 0, weight: 1, nFeatures: 2 };
    expect(() => treeShap(ensemble, createMatrix(1, 3))).toThrow(
      expect.objectContaining({ code: 'INVALID_SHAPE' }),
    );
    expect(() => treeShap(ensemble, matrixFromRows([[NaN, 0]]))).toThrow(
      expect.objectContaining({ code: 'NON_FINITE_INPUT' }),
    );
  });
});
