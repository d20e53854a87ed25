import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDrift } from './detect-drift.js';
import { buildDriftBaseline, detectDriftFromBaseline } from './drift-baseline.js';
import { jensenShannonDistance } from './jensen-shannon-distance.js';
import { ksTwoSample } from './ks-two-sample.js';
import { populationStabilityIndex } from './population-stability-index.js';

/** P(D ≥ d) by enumerating every arrangement of n1 x's and n2 y's (all equally likely under H0). */
function bruteForceKsPValue(n1: number, n2: number, d: number): number {
  let total = 0;
  let hit = 0;
  const walk = (i: number, j: number, maxDiff: number): void => {
    if (i === n1 && j === n2) {
      total++;
      if (maxDiff >= d - 1e-12) hit++;
      return;
    }
    if (i < n1) walk(i + 1, j, Math.max(maxDiff, Math.abs((i + 1) / n1 - j / n2)));
    if (j < n2) walk(i, j + 1, Math.max(maxDiff, Math.abs(i / n1 - (j + 1) / n2)));
  };
  walk(0, 0, 0);
  return hit / total;
}

describe('drift statistics: invariants', () => {
  it('the exact KS p-value equals brute-force enumeration of all orderings', () => {
    for (const [n1, n2] of [
      [4, 3],
      [5, 5],
      [6, 4],
      [7, 3],
      [8, 6],
    ]) {
      for (let shift = 0; shift <= 1; shift += 0.25) {
        const a = Array.from({ length: n1 }, (_, i) => i / n1);
        const b = Array.from({ length: n2 }, (_, i) => i / n2 + shift + 1e-6);
        const res = ksTwoSample(a, b);
        expect(res.pValue).toBeCloseTo(bruteForceKsPValue(n1, n2, res.statistic), 12);
      }
    }
  });

  it('KS is symmetric with p in [0, 1]; PSI ≥ 0; JS in [0, √ln 2]', () => {
    const sample = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = ksTwoSample(a, b);
        const ba = ksTwoSample(b, a);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        expect(ba.statistic).toBe(ab.statistic);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
        expect(populationStabilityIndex(a, b).psi).toBeGreaterThanOrEqual(0);
        const p = [a.length, b.length, 3];
        const q = [b.length, 1, a.length];
        const js = jensenShannonDistance(p, q);
        expect(js).toBeGreaterThanOrEqual(0);
        expect(js).toBeLessThanOrEqual(Math.sqrt(Math.LN2) + 1e-12);
      }),
      { seed: 17, numRuns: 150 },
    );
  });

  it('an all-missing reference column is skipped on both paths, through JSON', () => {
    const reference = {
      x: { type: 'numerical' as const, values: [Number.NaN, Number.NaN] },
      y: { type: 'numerical' as const, values: [1, 2] },
    };
    const current = {
      x: { type: 'numerical' as const, values: [1, 2] },
      y: { type: 'numerical' as const, values: [1, 2] },
    };
    const raw = detectDrift(reference, current);
    const fromBaseline = detectDriftFromBaseline(
      JSON.parse(JSON.stringify(buildDriftBaseline(reference))),
      current,
    );
    expect(raw.skippedColumns).toEqual([{ column: 'x', reason: 'empty_reference' }]);
    expect(fromBaseline).toEqual(raw);
  });

  it('rejects a column whose type changed and a column missing from the current table', () => {
    const reference = { g: { type: 'categorical' as const, values: ['a', 'b'] } };
    expect(() => detectDrift(reference, { g: { type: 'numerical', values: [1, 2] } })).toThrow(/categorical/);
    expect(() => detectDrift(reference, {})).toThrow(/missing/);
  });
});

describe('multiple-testing correction', () => {
  it('Bonferroni and Benjamini–Hochberg adjust only p-value tests and can only remove drift flags', () => {
    const rng = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const r = rng(5);
    const make = (shift: number, n: number) => Float64Array.from({ length: n }, () => r() + shift);
    const reference = {
      a: { type: 'numerical' as const, values: make(0, 300) },
      b: { type: 'numerical' as const, values: make(0, 300) },
      c: { type: 'numerical' as const, values: make(0, 300) },
    };
    const current = {
      a: { type: 'numerical' as const, values: make(0.5, 200) },
      b: { type: 'numerical' as const, values: make(0.12, 200) },
      c: { type: 'numerical' as const, values: make(0, 200) },
    };
    const plain = detectDrift(reference, current);
    const bonf = detectDrift(reference, current, { pValueCorrection: 'bonferroni' });
    const bh = detectDrift(reference, current, { pValueCorrection: 'benjamini-hochberg' });
    for (const name of ['a', 'b', 'c']) {
      const p = plain.features[name].pValue as number;
      expect(plain.features[name].adjustedPValue).toBeUndefined();
      expect(bonf.features[name].adjustedPValue).toBeCloseTo(Math.min(1, 3 * p), 15);
      expect(bh.features[name].adjustedPValue as number).toBeGreaterThanOrEqual(p);
      expect(bh.features[name].adjustedPValue as number).toBeLessThanOrEqual(
        bonf.features[name].adjustedPValue as number,
      );
      if (bonf.features[name].drift) expect(plain.features[name].drift).toBe(true);
    }
    expect(plain.features.a.drift).toBe(true);
    expect(bonf.features.a.drift).toBe(true);
    expect(() => detectDrift(reference, current, { pValueCorrection: 'holm' as never })).toThrow(
      /pValueCorrection/,
    );
  });
});
