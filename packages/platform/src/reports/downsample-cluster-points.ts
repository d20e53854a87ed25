import { createRng, shuffledIndices } from '@cohortlens/engine';
import { MAX_REPORT_SCATTER_POINTS, type ReportClusterPoint } from './report-model.js';

/**
 * Deterministic stratified downsampling for the cluster scatter: each segment keeps a share of the
 * budget proportional to its size (at least one point per non-empty segment), chosen by a seeded
 * shuffle, and points keep their input order. Same input and seed, same output.
 * O(n) time and memory.
 */
export function downsampleClusterPoints(
  points: readonly ReportClusterPoint[],
  maxPoints: number = MAX_REPORT_SCATTER_POINTS,
  seed = 42,
): ReportClusterPoint[] {
  if (points.length <= maxPoints) return [...points];
  const bySegment = new Map<string, number[]>();
  points.forEach((p, i) => {
    const list = bySegment.get(p.segmentLabel);
    if (list) list.push(i);
    else bySegment.set(p.segmentLabel, [i]);
  });
  const rng = createRng(seed);
  const keep: number[] = [];
  // Largest-remainder allocation keeps the total exactly at maxPoints.
  const groups = [...bySegment.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const quotas = groups.map(([, idx]) => (idx.length * maxPoints) / points.length);
  const counts = quotas.map((q) => Math.max(1, Math.floor(q)));
  let left = maxPoints - counts.reduce((s, c) => s + c, 0);
  const order = quotas.map((q, g) => ({ g, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.g - b.g);
  for (let o = 0; left > 0 && o < order.length; o++, left--) counts[order[o].g]++;
  // The one-point floor for tiny segments can overshoot; take the excess from the largest ones.
  while (left < 0) {
    counts[counts.indexOf(Math.max(...counts))]--;
    left++;
  }
  groups.forEach(([, idx], g) => {
    const perm = shuffledIndices(idx.length, rng);
    const take = Math.min(counts[g], idx.length);
    for (let j = 0; j < take; j++) keep.push(idx[perm[j]]);
  });
  keep.sort((a, b) => a - b);
  return keep.map((i) => points[i]);
}
