import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pearsonCorrelationMatrix, spearmanCorrelationMatrix } from './correlation-matrix.js';
import { describeColumns } from './describe-columns.js';
import { computeSavingsMetrics, equalWidthHistogram, summarizeSavings } from './savings-metrics.js';

const fx = JSON.parse(
  readFileSync(new URL('../../reference/insights/insights-fixtures.json', import.meta.url), 'utf8'),
) as {
  columns: Record<string, (number | null)[]>;
  numericColumns: string[];
  describe: Record<string, Record<string, number | null>>;
  pearson: (number | null)[][];
  spearman: (number | null)[][];
  savingsPercent: (number | null)[];
  monthlyIncome: (number | null)[];
  estimatedMonthlySpend: (number | null)[];
  histogram: { bins: number; counts: number[]; edges: number[] };
};

const columns: Record<string, Float64Array> = {};
for (const [name, values] of Object.entries(fx.columns))
  columns[name] = Float64Array.from(values, (v) => v ?? Number.NaN);

const same = (got: number, want: number | null, tol = 1e-9): boolean =>
  want === null ? Number.isNaN(got) : Math.abs(got - want) <= tol * Math.max(1, Math.abs(want));

describe('descriptive statistics vs pandas describe()', () => {
  it('matches count, mean, std (ddof=1), quartiles and extremes; leaves CustomerID out', () => {
    const d = describeColumns(columns);
    expect(Object.keys(d)).toEqual(fx.numericColumns);
    for (const name of fx.numericColumns) {
      const want = fx.describe[name];
      const got = d[name];
      const pairs: [number, number | null][] = [
        [got.count, want.count],
        [got.mean, want.mean],
        [got.std, want.std],
        [got.min, want.min],
        [got.q25, want['25%']],
        [got.median, want['50%']],
        [got.q75, want['75%']],
        [got.max, want.max],
      ];
      for (const [g, w] of pairs) expect(same(g, w), `${name}: ${g} vs ${w}`).toBe(true);
    }
  });
  it('an empty column gives count 0 and NaN, one value gives std NaN', () => {
    const d = describeColumns({ a: [Number.NaN], b: [3] });
    expect(d.a.count).toBe(0);
    expect(d.a.mean).toBeNaN();
    expect(d.b.std).toBeNaN();
    expect(d.b.median).toBe(3);
  });
});

describe('correlation matrices vs pandas corr() with pairwise-complete rows', () => {
  for (const [method, fn, want] of [
    ['pearson', pearsonCorrelationMatrix, fx.pearson],
    ['spearman', spearmanCorrelationMatrix, fx.spearman],
  ] as const) {
    it(method, () => {
      const res = fn(columns);
      expect(res.columns).toEqual(fx.numericColumns);
      const k = res.columns.length;
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          const g = res.matrix.data[i * k + j];
          expect(same(g, want[i][j]), `${res.columns[i]} × ${res.columns[j]}: ${g} vs ${want[i][j]}`).toBe(
            true,
          );
        }
      }
    });
  }
  it('a constant column correlates as NaN; a caller-named id column is excluded', () => {
    const res = pearsonCorrelationMatrix(
      { id: [1, 2, 3], x: [1, 2, 3], c: [5, 5, 5] },
      { idColumns: ['id'] },
    );
    expect(res.columns).toEqual(['x', 'c']);
    expect(res.matrix.data[1]).toBeNaN();
  });
});

describe('savings metrics', () => {
  const metrics = computeSavingsMetrics({
    annualIncome: columns['Annual Income ($)'],
    workExperience: columns['Work Experience'],
    familySize: columns['Family Size'],
  });
  it('reproduces the seed formulas, NaN (NULL) instead of ±inf where income is 0 or missing', () => {
    for (let i = 0; i < metrics.savingsPercent.length; i++) {
      expect(same(metrics.savingsPercent[i], fx.savingsPercent[i], 1e-12)).toBe(true);
      expect(same(metrics.monthlyIncome[i], fx.monthlyIncome[i], 1e-12)).toBe(true);
      expect(same(metrics.estimatedMonthlySpend[i], fx.estimatedMonthlySpend[i], 1e-12)).toBe(true);
      expect(Number.isFinite(metrics.savingsPercent[i]) || Number.isNaN(metrics.savingsPercent[i])).toBe(
        true,
      );
    }
    expect(metrics.savingsPercent[0]).toBeNaN(); // income 0
  });
  it('histogram equals numpy.histogram and the summary counts unknowns', () => {
    const h = equalWidthHistogram(metrics.savingsPercent, { bins: fx.histogram.bins });
    expect(h.bins.map((b) => b.count)).toEqual(fx.histogram.counts);
    h.bins.forEach((b, i) => {
      expect(b.start).toBeCloseTo(fx.histogram.edges[i], 9);
      expect(b.end).toBeCloseTo(fx.histogram.edges[i + 1], 9);
    });
    const s = summarizeSavings(metrics.savingsPercent, { bins: 12 });
    const unknown = fx.savingsPercent.filter((v) => v === null).length;
    expect(s.unknownCount).toBe(unknown);
    expect(s.count + s.unknownCount).toBe(fx.savingsPercent.length);
    expect(s.bins.reduce((a, b) => a + b.count, 0)).toBe(s.count);
    expect(s.shareNegative).toBeGreaterThan(0);
  });
  it('a fixed range counts values outside it', () => {
    const h = equalWidthHistogram([-500, -10, 0, 50, 100], { bins: 4, range: [-100, 100] });
    expect(h.below).toBe(1);
    expect(h.bins.map((b) => b.count)).toEqual([0, 1, 1, 2]); // edges −100, −50, 0, 50, 100; 100 falls in the closed last bin
  });
});
