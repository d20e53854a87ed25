import { describe, expect, it } from 'vitest';
import { createMatrix, matrixFromRows } from '../core/matrix.js';
import { createRng } from '../core/random.js';
import { backgroundMean, summarizeBackground, toWeightedBackground } from './background.js';

function data(seed: number) {
  const rng = createRng(seed);
  const m = createMatrix(300, 3);
  for (let i = 0; i < 300; i++) {
    m.data[i * 3] = 30 + 10 * rng.normal();
    m.data[i * 3 + 1] = 60000 + 15000 * rng.normal();
    m.data[i * 3 + 2] = rng.nextInt(2); // a one-hot style column
  }
  return m;
}

describe('summarizeBackground', () => {
  it('summarises with weighted k-means centres that keep the mean close and 0/1 columns 0/1', () => {
    const X = data(1);
    const s = summarizeBackground(X, { size: 20, seed: 3 });
    expect(s.data.rows).toBeLessThanOrEqual(20);
    expect(s.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const full = backgroundMean(toWeightedBackground(X));
    const summary = backgroundMean(s);
    expect(Math.abs(summary[0] - full[0])).toBeLessThan(1);
    expect(Math.abs(summary[1] - full[1])).toBeLessThan(1500);
    for (let r = 0; r < s.data.rows; r++) expect([0, 1]).toContain(s.data.data[r * 3 + 2]);
  });

  it('is seeded, samples when asked, and returns small data whole', () => {
    const X = data(2);
    expect(summarizeBackground(X, { size: 10, seed: 4 })).toEqual(
      summarizeBackground(X, { size: 10, seed: 4 }),
    );
    const sampled = summarizeBackground(X, { size: 10, method: 'sample', seed: 1 });
    expect(sampled.data.rows).toBe(10);
    expect(Array.from(sampled.weights)).toEqual(new Array(10).fill(0.1));
    expect(summarizeBackground(X, { size: 500 }).data).toBe(X);
  });

  it('validates weights and shapes', () => {
    const m = matrixFromRows([[1], [2]]);
    expect(() => toWeightedBackground({ data: m, weights: Float64Array.from([1]) })).toThrow(
      expect.objectContaining({ code: 'INVALID_SHAPE' }),
    );
    expect(() => toWeightedBackground({ data: m, weights: Float64Array.from([0, 0]) })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => toWeightedBackground(createMatrix(0, 1))).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
    expect(Array.from(toWeightedBackground({ data: m, weights: Float64Array.from([3, 1]) }).weights)).toEqual(
      [0.75, 0.25],
    );
  });
});
