import { createRng } from '@cohortlens/engine';
import { describe, expect, it } from 'vitest';
import { downsampleClusterPoints } from './downsample-cluster-points.js';
import type { ReportClusterPoint } from './report-model.js';

function points(counts: Record<string, number>, seed = 1): ReportClusterPoint[] {
  const rng = createRng(seed);
  const out: ReportClusterPoint[] = [];
  for (const [label, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++)
      out.push({ annualIncome: rng.next() * 1e5, spendingScore: rng.nextInt(101), segmentLabel: label });
  }
  return out;
}

const countBy = (ps: readonly ReportClusterPoint[]) =>
  ps.reduce<Record<string, number>>(
    (acc, p) => ({ ...acc, [p.segmentLabel]: (acc[p.segmentLabel] ?? 0) + 1 }),
    {},
  );

describe('downsampleClusterPoints', () => {
  it('returns small inputs unchanged', () => {
    const ps = points({ a: 10, b: 5 });
    expect(downsampleClusterPoints(ps, 100)).toEqual(ps);
  });

  it('keeps exactly maxPoints, proportional to segment sizes, deterministically', () => {
    const ps = points({ a: 6000, b: 3000, c: 1000 });
    const out = downsampleClusterPoints(ps, 5000);
    expect(out).toHaveLength(5000);
    expect(countBy(out)).toEqual({ a: 3000, b: 1500, c: 500 });
    expect(downsampleClusterPoints(ps, 5000)).toEqual(out);
    expect(downsampleClusterPoints(ps, 5000, 99)).not.toEqual(out);
    // Output points are a subset of the input, in input order.
    const index = new Map(ps.map((p, i) => [p, i]));
    const positions = out.map((p) => index.get(p)!);
    expect(positions.every((v, i) => i === 0 || v > positions[i - 1])).toBe(true);
  });

  it('keeps at least one point of a tiny segment and never exceeds the budget', () => {
    const ps = points({ big: 20_000, tiny1: 1, tiny2: 2 });
    const out = downsampleClusterPoints(ps, 100);
    expect(out.length).toBe(100);
    expect(countBy(out).tiny1).toBe(1);
    expect(countBy(out).tiny2).toBeGreaterThanOrEqual(1);
  });
});
