import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeSavingsMetrics } from './savings-metrics.js';
import type { ClusterProfile } from '../clustering/index.js';
import {
  buildSegmentProfiles,
  segmentProfilesFromNamed,
  type NamedSegmentProfile,
} from './segment-profiles.js';
import {
  recommendForSegments,
  SEED_ACTIONS,
  type PopulationProfile,
  type SegmentProfile,
} from './segment-recommendations.js';

const population: PopulationProfile = {
  medianIncome: 110_000,
  means: { age: 48, annualIncome: 112_000, spendingScore: 51, familySize: 3.7 },
  medians: { savingsPercent: 20 },
};

const seg = (
  id: number,
  share: number,
  means: SegmentProfile['means'],
  medians?: SegmentProfile['medians'],
): SegmentProfile => ({
  segmentId: id,
  size: Math.round(share * 2000),
  share,
  means,
  medians,
});

describe('recommendForSegments', () => {
  it("keeps the seed's three rules, in order, with their exact texts", () => {
    const out = recommendForSegments(
      [
        seg(0, 0.3, { spendingScore: 75, annualIncome: 50_000 }),
        seg(1, 0.3, { spendingScore: 60, annualIncome: 110_001 }),
        seg(2, 0.3, { spendingScore: 60, annualIncome: 110_000 }),
        seg(3, 0.1, { spendingScore: 61, annualIncome: 200_000 }),
      ],
      population,
    );
    expect(out.map((o) => o.action)).toEqual([
      'High spender: prioritize loyalty programs and premium offers.',
      'High income: upsell premium products and services.',
      'Budget-conscious: focus on value propositions and promotions.',
      SEED_ACTIONS.highSpender,
    ]);
  });

  it('adds profile-driven recommendations whose rationale cites the numbers', () => {
    const [young, affluent, family, saver, stretched] = recommendForSegments(
      [
        seg(0, 0.2, { age: 27.5, spendingScore: 78, annualIncome: 90_000 }),
        seg(1, 0.15, { age: 45, spendingScore: 22, annualIncome: 170_000 }),
        seg(2, 0.25, { age: 40, spendingScore: 50, annualIncome: 100_000, familySize: 5.2 }),
        seg(3, 0.2, { age: 50, spendingScore: 45, annualIncome: 150_000 }, { savingsPercent: 72 }),
        seg(4, 0.03, { age: 60, spendingScore: 40, annualIncome: 40_000 }, { savingsPercent: -35 }),
      ],
      population,
    );
    const ids = (r: { recommendations: { id: string }[] }): string[] => r.recommendations.map((x) => x.id);
    expect(ids(young)).toContain('young_high_spenders');
    expect(young.recommendations.find((r) => r.id === 'young_high_spenders')?.rationale).toMatch(
      /27\.5.*78.*51/,
    );
    expect(young.priority).toBe('high');
    expect(ids(affluent)).toEqual(['affluent_low_spenders']);
    expect(affluent.recommendations[0].rationale).toContain('$170,000');
    expect(affluent.recommendations[0].rationale).toContain('1.55×');
    expect(ids(family)).toEqual(['large_families']);
    expect(family.priority).toBe('medium');
    expect(ids(saver)).toContain('high_savings');
    expect(saver.recommendations.find((r) => r.id === 'high_savings')?.rationale).toContain('72%');
    expect(ids(stretched)).toEqual(['stretched_budgets', 'seniors', 'niche_segment']);
    expect(stretched.priority).toBe('low');
  });

  it('missing features never trigger a rule', () => {
    const [r] = recommendForSegments([seg(0, 0.5, {})], population);
    expect(r.action).toBe(SEED_ACTIONS.budgetConscious);
    expect(r.recommendations).toEqual([]);
  });

  const csv = new URL('../../../../../shared/data/Customers.csv', import.meta.url);
  it.skipIf(!existsSync(csv))(
    'runs on the real Customers.csv grouped by profession (skipped when the file is absent)',
    () => {
      const lines = readFileSync(csv, 'utf8').trim().split(/\r?\n/).slice(1);
      const rows = lines.map((l) => l.split(','));
      const income = Float64Array.from(rows, (r) => Number(r[3]));
      const metrics = computeSavingsMetrics({
        annualIncome: income,
        workExperience: Float64Array.from(rows, (r) => Number(r[5])),
        familySize: Float64Array.from(rows, (r) => Number(r[6])),
      });
      expect(metrics.savingsPercent.some((v) => Number.isNaN(v))).toBe(true); // incomes of 0 exist
      expect(metrics.savingsPercent.every((v) => Number.isNaN(v) || Number.isFinite(v))).toBe(true);
      const sorted = Float64Array.from(income).sort();
      const medianIncome = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
      const groups = new Map<string, number[]>();
      rows.forEach((r, i) => groups.set(r[4] || '(blank)', [...(groups.get(r[4] || '(blank)') ?? []), i]));
      const profiles: SegmentProfile[] = [...groups.entries()].map(([name, idx]) => ({
        segmentId: name,
        size: idx.length,
        share: idx.length / rows.length,
        means: {
          age: idx.reduce((s, i) => s + Number(rows[i][2]), 0) / idx.length,
          annualIncome: idx.reduce((s, i) => s + income[i], 0) / idx.length,
          spendingScore: idx.reduce((s, i) => s + Number(rows[i][7]), 0) / idx.length,
        },
      }));
      const out = recommendForSegments(profiles, { medianIncome });
      expect(out).toHaveLength(profiles.length);
      for (const r of out) expect(Object.values(SEED_ACTIONS)).toContain(r.action);
    },
  );
});

describe('buildSegmentProfiles', () => {
  it('computes size, share, means and medians per label, skipping NaN, and the population median income', () => {
    const { segments, population } = buildSegmentProfiles(
      [1, 0, 1, 1, -1],
      {
        age: [20, 30, 40, Number.NaN, 50],
        annualIncome: [10, 20, 30, 40, 50],
      },
      { 0: 'Zero' },
    );
    expect(segments.map((s) => [s.segmentId, s.size, s.share])).toEqual([
      [-1, 1, 0.2],
      [0, 1, 0.2],
      [1, 3, 0.6],
    ]);
    expect(segments[2].means).toEqual({ age: 30, annualIncome: 80 / 3 });
    expect(segments[2].medians).toEqual({ age: 30, annualIncome: 30 });
    expect(segments[1].label).toBe('Zero');
    expect(population.medianIncome).toBe(30);
    expect(population.means?.age).toBe(35);
  });
});

describe('segmentProfilesFromNamed', () => {
  it('maps column names of any style onto the feature roles', () => {
    const [p] = segmentProfilesFromNamed([
      {
        segment: 2,
        size: 10,
        share: 0.1,
        label: 'young high spenders',
        numeric: {
          Age: { mean: 25, median: 24 },
          'Annual Income ($)': { mean: 90_000, median: 85_000 },
          'Spending Score (1-100)': { mean: 80, median: 82 },
          family_size: { mean: 2, median: 2 },
          'Work Experience': { mean: 1, median: 1 },
          savingsPercent: { mean: Number.NaN, median: Number.NaN },
          CustomerID: { mean: 5, median: 5 },
        },
      },
    ]);
    expect(p).toEqual({
      segmentId: 2,
      size: 10,
      share: 0.1,
      label: 'young high spenders',
      means: { age: 25, annualIncome: 90_000, spendingScore: 80, familySize: 2, workExperience: 1 },
      medians: { age: 24, annualIncome: 85_000, spendingScore: 82, familySize: 2, workExperience: 1 },
    });
    const [r] = recommendForSegments([p], { medianIncome: 100_000 });
    expect(r.recommendations.map((x) => x.id)).toContain('young_high_spenders');
  });
});

// Compile-time check: clustering's profiles feed segmentProfilesFromNamed without conversion.
export type ClusterProfilesFit = ClusterProfile extends NamedSegmentProfile ? true : never;
const _clusterProfilesFit: ClusterProfilesFit = true;
