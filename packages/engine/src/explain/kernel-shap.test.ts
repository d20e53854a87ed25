import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { kernelShap } from './kernel-shap.js';
import { linearShap } from './linear-shap.js';
import { bruteForceInterventional, functionRegressor, linearRegressor } from './test-fixtures.js';

function randomMatrix(seed: number, rows: number, cols: number): Matrix {
  const rng = createRng(seed);
  const m = createMatrix(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = rng.normal();
  return m;
}

const uniform = (n: number) => new Float64Array(n).fill(1 / n);
const singletons = (p: number) => Array.from({ length: p }, (_, j) => [j]);

// A model with interactions and non-linearities, so Kernel SHAP is not trivially exact.
const nonlinear = (p: number) =>
  functionRegressor(p, (r) => {
    let s = 2 * r[0] + r[1] * r[2] + Math.sin(r[3] ?? 0) + Math.max(0, r[4] ?? 0) * 3;
    for (let j = 5; j < p; j++) s += (j - 4) * 0.5 * r[j] + 0.3 * r[j] * r[0];
    return s;
  });

describe('kernelShap', () => {
  it('equals exact Shapley values when every coalition fits the budget', () => {
    const p = 5;
    const model = nonlinear(p);
    const bg = randomMatrix(1, 12, p);
    const x = randomMatrix(2, 1, p).data;
    const r = kernelShap(model.predict, x, bg, { seed: 3 });
    const exact = bruteForceInterventional(model.predict, x, bg, uniform(12), singletons(p));
    expect(r.exact).toBe(true);
    expect(r.nCoalitions).toBe(2 ** p - 2);
    expect(r.samplingError.max).toBe(0);
    for (let j = 0; j < p; j++) expect(Math.abs(r.values[j] - exact[j])).toBeLessThan(1e-9);
  });

  it('is additive to rounding and close to exact Shapley values when sampling', () => {
    const p = 10;
    const model = nonlinear(p);
    const bg = randomMatrix(4, 10, p);
    const exactMask = bruteForceInterventional;
    for (let trial = 0; trial < 3; trial++) {
      const x = randomMatrix(10 + trial, 1, p).data;
      const r = kernelShap(model.predict, x, bg, { seed: trial, nSamples: 300 });
      expect(r.exact).toBe(false);
      let total = r.baseValue;
      for (const v of r.values) total += v;
      expect(Math.abs(total - r.prediction)).toBeLessThan(1e-9 * Math.max(1, Math.abs(r.prediction)));
      const exact = exactMask(model.predict, x, bg, uniform(10), singletons(p));
      const scale = Math.max(...Array.from(exact, Math.abs));
      // Stated tolerance: with 300 of 1022 coalitions, every value within 5% of the largest |φ|,
      // and the error within 5 reported standard errors (+1e-6).
      for (let j = 0; j < p; j++) {
        const err = Math.abs(r.values[j] - exact[j]);
        expect(err).toBeLessThan(0.05 * scale);
        expect(err).toBeLessThan(5 * r.samplingError.standardErrors[j] + 1e-6);
      }
      expect(r.samplingError.max).toBeGreaterThan(0);
      expect(r.samplingError.max).toBeLessThan(0.05 * scale);
    }
  });

  it('recovers linear SHAP exactly for a linear model, even from a sample of coalitions', () => {
    const p = 12;
    const model = linearRegressor(
      Array.from({ length: p }, (_, j) => j - 5),
      3,
    );
    const bg = randomMatrix(5, 20, p);
    const x = randomMatrix(6, 1, p);
    const r = kernelShap(model.predict, x.data, bg, { seed: 1, nSamples: 100 });
    const lin = linearShap(model, x, bg);
    expect(r.baseValue).toBeCloseTo(lin.baseValue, 10);
    for (let j = 0; j < p; j++) expect(r.values[j]).toBeCloseTo(lin.values.data[j], 8);
  });

  it('gives the same result for the same seed and another for another seed', () => {
    const p = 10;
    const model = nonlinear(p);
    const bg = randomMatrix(7, 8, p);
    const x = randomMatrix(8, 1, p).data;
    const a = kernelShap(model.predict, x, bg, { seed: 42, nSamples: 200 });
    const b = kernelShap(model.predict, x, bg, { seed: 42, nSamples: 200 });
    const c = kernelShap(model.predict, x, bg, { seed: 43, nSamples: 200 });
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    expect(b.samplingError.max).toBe(a.samplingError.max);
    expect(Array.from(c.values)).not.toEqual(Array.from(a.values));
  });

  it('treats column groups as players and gives constant players zero', () => {
    const p = 5;
    const model = functionRegressor(p, (r) => 4 * r[0] * r[1] + r[2] - r[3] + 10 * r[4]);
    const bg = randomMatrix(9, 6, p);
    for (let b = 0; b < 6; b++) bg.data[b * p + 4] = 0.5; // column 4 never differs from x below
    const x = Float64Array.from([1, -1, 2, 0.5, 0.5]);
    const groups = [[0, 1], [2, 3], [4]];
    const r = kernelShap(model.predict, x, bg, { groups, seed: 0 });
    const exact = bruteForceInterventional(model.predict, x, bg, uniform(6), groups);
    expect(r.values[2]).toBe(0);
    for (let g = 0; g < 3; g++) expect(r.values[g]).toBeCloseTo(exact[g], 9);
  });

  it('doubles the coalition budget until the stated error bound is met', () => {
    const p = 10;
    const model = nonlinear(p);
    const x = randomMatrix(1, 1, p).data;
    const bg = randomMatrix(2, 10, p);
    const loose = kernelShap(model.predict, x, bg, { nSamples: 60, seed: 5 });
    const bound = loose.samplingError.max / 2;
    const tight = kernelShap(model.predict, x, bg, { nSamples: 60, seed: 5, maxSamplingError: bound });
    expect(tight.nCoalitions).toBeGreaterThan(loose.nCoalitions);
    expect(tight.samplingError.max).toBeLessThanOrEqual(bound);
    expect(tight.warnings).toEqual([]);
  });

  it('warns when the sampling error exceeds the stated bound after the refinements', () => {
    const p = 10;
    const model = nonlinear(p);
    const r = kernelShap(model.predict, randomMatrix(1, 1, p).data, randomMatrix(2, 10, p), {
      nSamples: 40,
      maxSamplingError: 1e-6,
    });
    expect(r.warnings.length).toBe(1);
  });
});
