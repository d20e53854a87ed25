import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kolmogorovSf, smirnovSf } from './kolmogorov-distribution.js';
import { ksTwoSample } from './ks-two-sample.js';
import { erfc, normalCdf, normalSf, regularizedGammaP, regularizedGammaQ } from './special-functions.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../reference/drift/stats-fixtures.json', import.meta.url), 'utf8'),
) as {
  gammaincc: { a: number; x: number; q: number; p: number }[];
  erfc: { x: number; erfc: number }[];
  normSf: { z: number; sf: number; cdf: number }[];
  kstwoSf: { n: number; x: number; sf: number }[];
  smirnov: { n: number; x: number; sf: number }[];
  ks2samp: { name: string; a: number[]; b: number[]; statistic: number; pValue: number }[];
};

/** |a − b| ≤ abs + rel·|b|. */
const close = (a: number, b: number, abs: number, rel = 1e-10): boolean =>
  Math.abs(a - b) <= abs + rel * Math.abs(b);

describe('special functions vs scipy.special', () => {
  it('regularized incomplete gamma matches gammaincc / gammainc', () => {
    for (const c of fixture.gammaincc) {
      expect(close(regularizedGammaQ(c.a, c.x), c.q, 1e-14, 1e-12), `Q(${c.a}, ${c.x})`).toBe(true);
      expect(close(regularizedGammaP(c.a, c.x), c.p, 1e-14, 1e-12), `P(${c.a}, ${c.x})`).toBe(true);
    }
  });
  it('erfc and the normal tails are accurate, including far tails', () => {
    for (const c of fixture.erfc) expect(close(erfc(c.x), c.erfc, 1e-300, 1e-12), `erfc(${c.x})`).toBe(true);
    for (const c of fixture.normSf) {
      expect(close(normalSf(c.z), c.sf, 1e-300, 1e-12)).toBe(true);
      expect(close(normalCdf(c.z), c.cdf, 1e-300, 1e-12)).toBe(true);
    }
  });
});

describe('Kolmogorov distributions vs scipy', () => {
  it('kolmogorovSf equals scipy.stats.kstwo.sf on a grid covering every branch', () => {
    const bad = fixture.kstwoSf
      .map((c) => ({ ...c, got: kolmogorovSf(c.n, c.x) }))
      .filter((c) => !close(c.got, c.sf, 1e-12, 1e-9));
    expect(bad).toEqual([]);
  });
  it('smirnovSf equals scipy.special.smirnov', () => {
    const bad = fixture.smirnov
      .map((c) => ({ ...c, got: smirnovSf(c.n, c.x) }))
      .filter((c) => !close(c.got, c.sf, 1e-13, 1e-10));
    expect(bad).toEqual([]);
  });
});

describe('ksTwoSample vs scipy.stats.ks_2samp', () => {
  for (const c of fixture.ks2samp) {
    it(`${c.name} (n=${c.a.length}, m=${c.b.length})`, () => {
      const res = ksTwoSample(c.a, c.b);
      expect(res.statistic).toBeCloseTo(c.statistic, 14);
      expect(Math.abs(res.pValue - c.pValue)).toBeLessThanOrEqual(1e-9 * Math.max(1, c.pValue));
      expect(ksTwoSample(c.b, c.a).pValue).toBeCloseTo(res.pValue, 12);
    });
  }
  it('identical samples give D = 0 and p = 1', () => {
    const a = [1, 2, 3, 4, 5, 5, 6];
    expect(ksTwoSample(a, a)).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
  });
});
