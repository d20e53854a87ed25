import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit } from './chi-square-test.js';
import { detectDrift, type DriftTable } from './detect-drift.js';
import { jensenShannonDistance } from './jensen-shannon-distance.js';
import { populationStabilityIndex, psiBand } from './population-stability-index.js';
import { twoProportionZTest } from './two-proportion-z-test.js';
import { wassersteinDistance } from './wasserstein-distance.js';

const stats = JSON.parse(
  readFileSync(new URL('../../reference/drift/stats-fixtures.json', import.meta.url), 'utf8'),
) as {
  chisquare: { observed: number[]; reference: number[]; statistic: number; pValue: number }[];
  jensenshannon: { p: number[]; q: number[]; distance: number }[];
  wasserstein: { a: number[]; b: number[]; distance: number }[];
};

type Raw = (number | string | null)[];
interface Scenario {
  name: string;
  reference: Record<string, Raw>;
  current: Record<string, Raw>;
  expected: Record<
    string,
    {
      test: string;
      statistic: number;
      pValue: number | null;
      drift: boolean;
      psi?: number;
      wassersteinNorm?: number;
    }
  >;
  driftShare: number;
  datasetDrift: boolean;
}
const drift = JSON.parse(
  readFileSync(new URL('../../reference/drift/drift-fixtures.json', import.meta.url), 'utf8'),
) as {
  numerical: string[];
  scenarios: Scenario[];
};

/** Fixture columns → a DriftTable (JSON has no NaN/inf, so they are stored as null / "inf"). */
function toTable(raw: Record<string, Raw>, numerical: readonly string[]): DriftTable {
  const table: DriftTable = {};
  for (const [name, values] of Object.entries(raw)) {
    table[name] = numerical.includes(name)
      ? {
          type: 'numerical',
          values: Float64Array.from(values, (v) =>
            v === null ? Number.NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v),
          ),
        }
      : { type: 'categorical', values: values as string[] };
  }
  return table;
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe('single tests vs scipy', () => {
  it('chi-square goodness of fit equals scipy.stats.chisquare (Evidently expected counts)', () => {
    for (const c of stats.chisquare) {
      const res = chiSquareGoodnessOfFit(c.reference, c.observed);
      expect(rel(res.statistic, c.statistic)).toBeLessThan(1e-12);
      expect(Math.abs(res.pValue - c.pValue)).toBeLessThan(1e-9 * Math.max(c.pValue, 1e-6));
      expect(res.cramersV).toBeGreaterThan(0);
      expect(res.cramersV).toBeLessThanOrEqual(1);
    }
  });
  it('a category unseen in the reference gives χ² = ∞ and p = 0', () => {
    const res = chiSquareGoodnessOfFit([10, 10, 0], [10, 10, 1]);
    expect(res.statistic).toBe(Infinity);
    expect(res.pValue).toBe(0);
  });
  it('Jensen–Shannon distance equals scipy.spatial.distance.jensenshannon', () => {
    for (const c of stats.jensenshannon)
      expect(rel(jensenShannonDistance(c.p, c.q), c.distance)).toBeLessThan(1e-12);
  });
  it('Wasserstein distance equals scipy.stats.wasserstein_distance', () => {
    for (const c of stats.wasserstein)
      expect(rel(wassersteinDistance(c.a, c.b), c.distance)).toBeLessThan(1e-12);
  });
  it('z-test: identical constant samples give p = 1; Cohen h is 0 for equal proportions', () => {
    expect(twoProportionZTest(10, 10, 5, 5).pValue).toBe(1);
    const z = twoProportionZTest(30, 100, 60, 200);
    expect(z.cohensH).toBeCloseTo(0, 15);
    expect(z.pValue).toBeCloseTo(1, 12);
  });
  it('PSI is 0 on identical samples, grows with a shift, and bands follow 0.1 / 0.25', () => {
    const a = Array.from({ length: 500 }, (_, i) => Math.sin(i) * 10 + i / 50);
    expect(populationStabilityIndex(a, a).psi).toBe(0);
    const small = populationStabilityIndex(
      a,
      a.map((v) => v + 0.5),
    ).psi;
    const big = populationStabilityIndex(
      a,
      a.map((v) => v + 5),
    ).psi;
    expect(small).toBeGreaterThan(0);
    expect(big).toBeGreaterThan(small);
    expect([psiBand(0.05), psiBand(0.1), psiBand(0.2), psiBand(0.25)]).toEqual([
      'stable',
      'moderate',
      'moderate',
      'significant',
    ]);
  });
  it('PSI puts out-of-range current values into the open outer bins', () => {
    const ref = Array.from({ length: 100 }, (_, i) => i);
    const res = populationStabilityIndex(ref, [-1000, 1000]);
    expect(res.bins.edges).toHaveLength(9);
    expect(res.psi).toBeGreaterThan(1);
  });
});

describe('detectDrift vs the Evidently-logic reference (scipy)', () => {
  for (const s of drift.scenarios) {
    it(s.name, () => {
      const result = detectDrift(toTable(s.reference, drift.numerical), toTable(s.current, drift.numerical));
      expect(result.skippedColumns).toEqual([{ column: 'CustomerID', reason: 'id_column' }]);
      expect(Object.keys(result.features).sort()).toEqual(Object.keys(s.expected).sort());
      for (const [name, exp] of Object.entries(s.expected)) {
        const got = result.features[name];
        expect(got.test, name).toBe(exp.test);
        expect(got.drift, name).toBe(exp.drift);
        expect(Math.abs(got.statistic - exp.statistic), name).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(exp.statistic)),
        );
        if (exp.pValue === null) expect(got.pValue).toBeNull();
        else expect(Math.abs((got.pValue ?? Number.NaN) - exp.pValue), name).toBeLessThan(1e-9);
        if (exp.psi !== undefined) {
          expect(Math.abs((got.psi ?? Number.NaN) - exp.psi), name).toBeLessThan(1e-9);
          expect(
            Math.abs((got.wassersteinNorm ?? Number.NaN) - (exp.wassersteinNorm ?? 0)),
            name,
          ).toBeLessThan(1e-9);
        }
        expect(Number.isFinite(got.effectSize), name).toBe(true);
      }
      expect(result.driftShare).toBeCloseTo(s.driftShare, 12);
      expect(result.datasetDrift).toBe(s.datasetDrift);
      expect(result.numberOfColumns).toBe(6);
    });
  }

  it('identical tables never drift and give PSI 0', () => {
    const s = drift.scenarios[0];
    const t = toTable(s.reference, drift.numerical);
    const result = detectDrift(t, t);
    expect(result.numberOfDriftedColumns).toBe(0);
    expect(result.features.Age.psi).toBe(0);
    expect(result.features.Age.statistic).toBe(0);
  });

  it('skips caller-named id columns and empty columns, and validates options', () => {
    const ref: DriftTable = {
      id: { type: 'numerical', values: [1, 2, 3] },
      x: { type: 'numerical', values: [1, 2, 3] },
    };
    const cur: DriftTable = {
      id: { type: 'numerical', values: [4, 5] },
      x: { type: 'numerical', values: [Number.NaN] },
    };
    const res = detectDrift(ref, cur, { idColumns: ['id'] });
    expect(res.skippedColumns).toEqual([
      { column: 'id', reason: 'id_column' },
      { column: 'x', reason: 'empty_current' },
    ]);
    expect(res.numberOfColumns).toBe(0);
    expect(res.datasetDrift).toBe(false);
    expect(() => detectDrift(ref, cur, { driftShare: 2 })).toThrow(/driftShare/);
  });
});
