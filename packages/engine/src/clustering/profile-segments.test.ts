import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import { generateCustomers } from '../synthetic/generate-customers.js';
import { profileSegments } from './profile-segments.js';

function plantedTable(rows: number) {
  const customers = [...generateCustomers({ rows, seed: 7 })];
  const num = (f: (c: (typeof customers)[number]) => number | null) =>
    Float64Array.from(customers, (c) => f(c) ?? NaN);
  return {
    labels: Int32Array.from(customers, (c) => c.segment),
    table: {
      numeric: {
        age: num((c) => c.age),
        annual_income: num((c) => c.annualIncome),
        spending_score: num((c) => c.spendingScore),
      },
      categorical: { profession: customers.map((c) => c.profession), gender: customers.map((c) => c.gender) },
    },
  };
}

describe('profileSegments', () => {
  const { labels, table } = plantedTable(4000);
  const profiles = profileSegments(labels, table);

  it('names the planted segments by how they differ from the population', () => {
    const names = Object.fromEntries(profiles.map((p) => [p.segment, p.label]));
    // planted: 0 young high spenders, 1 affluent savers, 2 affluent high spenders, 3 budget-conscious seniors
    expect(names[0]).toMatch(/^young .*high spenders$/);
    expect(names[1]).toMatch(/affluent savers$/);
    expect(names[2]).toMatch(/affluent high spenders$/);
    expect(names[3]).toMatch(/^older budget-conscious savers$/);
    expect(names[4]).toBe('mainstream customers');
  });

  it('gives sizes, shares, means, medians and category mixes that add up', () => {
    expect(profiles.reduce((s, p) => s + p.size, 0)).toBe(4000);
    expect(profiles.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    for (const p of profiles) {
      const mix = Object.values(p.categorical.profession);
      expect(mix.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(p.numeric.age.median).toBeGreaterThan(0);
    }
    const rows = Array.from(labels.keys()).filter(
      (i) => labels[i] === 2 && !Number.isNaN(table.numeric.age[i]),
    );
    const mean = rows.reduce((s, i) => s + table.numeric.age[i], 0) / rows.length;
    expect(profiles[2].numeric.age.mean).toBeCloseTo(mean, 9);
  });

  it('makes labels unique, labels noise as outliers, and is deterministic', () => {
    const numeric = {
      age: Float64Array.from([20, 21, 22, 23, 60, 61, 62, 63, 40, 41, 90]),
      spending_score: Float64Array.from([90, 91, 95, 96, 10, 12, 11, 13, 50, 50, 50]),
      family_size: Float64Array.from([1, 1, 5, 5, 2, 2, 2, 2, 3, NaN, 3]),
    };
    const seg = [0, 0, 1, 1, 2, 2, 2, 2, 3, 3, -1];
    const p = profileSegments(seg, { numeric });
    const labelsOut = p.map((x) => x.label);
    expect(new Set(labelsOut).size).toBe(labelsOut.length);
    expect(labelsOut).toEqual([
      'outliers',
      'young high spenders (lower family size)',
      'young high spenders (higher family size)',
      'older savers',
      'mainstream customers',
    ]);
    expect(p.find((x) => x.segment === 3)!.numeric.family_size.missing).toBe(1);
    expect(profileSegments(seg, { numeric }).map((x) => x.label)).toEqual(labelsOut);
  });

  it('rejects mismatched columns', () => {
    expect(() => profileSegments([0, 1], { numeric: { age: Float64Array.from([1]) } })).toThrow(EngineError);
  });
});
