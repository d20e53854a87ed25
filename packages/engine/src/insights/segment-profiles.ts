/**
 * Per-segment profiles (size, share, means and medians of the customer features) and the
 * population statistics the recommendation rules compare against — the seed's
 * `interpret_segments` profile, extended with medians. Missing values (NaN) are skipped per
 * feature; a segment label < 0 (e.g. DBSCAN noise) is its own segment.
 *
 * Input: n segment labels and parallel feature columns. Complexity: O(n log n) (medians).
 */
import { EngineError } from '../core/engine-error.js';
import type { PopulationProfile, SegmentFeatureStats, SegmentProfile } from './segment-recommendations.js';

/** Feature columns (any subset) aligned with the labels. */
export type SegmentFeatureColumns = Partial<Record<keyof SegmentFeatureStats, ArrayLike<number>>>;

const FEATURES: (keyof SegmentFeatureStats)[] = [
  'age',
  'annualIncome',
  'spendingScore',
  'familySize',
  'workExperience',
  'savingsPercent',
];

function meanAndMedian(values: number[]): [number, number] | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  return [sum / n, (values[(n - 1) >> 1] + values[n >> 1]) / 2];
}

function stats(
  columns: SegmentFeatureColumns,
  rows: readonly number[],
): { means: SegmentFeatureStats; medians: SegmentFeatureStats } {
  const means: SegmentFeatureStats = {};
  const medians: SegmentFeatureStats = {};
  for (const f of FEATURES) {
    const col = columns[f];
    if (!col) continue;
    const kept: number[] = [];
    for (const r of rows) if (!Number.isNaN(col[r])) kept.push(col[r]);
    const mm = meanAndMedian(kept);
    if (mm) [means[f], medians[f]] = mm;
  }
  return { means, medians };
}

/** Profiles of every segment (ascending label) and of the whole population. */
export function buildSegmentProfiles(
  labels: ArrayLike<number>,
  columns: SegmentFeatureColumns,
  segmentLabels: Readonly<Record<number, string>> = {},
): { segments: SegmentProfile[]; population: PopulationProfile } {
  const n = labels.length;
  for (const [name, col] of Object.entries(columns)) {
    if (col && col.length !== n)
      throw new EngineError('INVALID_SHAPE', `column ${name} has ${col.length} rows, labels have ${n}`);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(labels[i]);
    if (g) g.push(i);
    else groups.set(labels[i], [i]);
  }
  const all = Array.from({ length: n }, (_, i) => i);
  const pop = stats(columns, all);
  const segments = [...groups.keys()]
    .sort((a, b) => a - b)
    .map((id) => {
      const rows = groups.get(id) as number[];
      const s = stats(columns, rows);
      return {
        segmentId: id,
        size: rows.length,
        share: rows.length / n,
        means: s.means,
        medians: s.medians,
        ...(segmentLabels[id] !== undefined ? { label: segmentLabels[id] } : {}),
      };
    });
  return {
    segments,
    population: {
      medianIncome: pop.medians.annualIncome ?? Number.NaN,
      means: pop.means,
      medians: pop.medians,
    },
  };
}

/**
 * The shape of a clustering profile (clustering's `profileSegments` output is assignable to it):
 * numeric summaries keyed by column name, whatever the naming style.
 */
export interface NamedSegmentProfile {
  segment: number;
  size: number;
  share: number;
  numeric: Record<string, { mean: number; median: number }>;
  label?: string;
}

/** Maps a column name ("Annual Income ($)", "annual_income", "spendingScore"…) to a feature role. */
export function featureRoleOf(name: string): keyof SegmentFeatureStats | null {
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  if (key.startsWith('age')) return 'age';
  if (key.includes('saving')) return 'savingsPercent';
  if (key.includes('income')) return 'annualIncome';
  if (key.includes('spend')) return 'spendingScore';
  if (key.includes('family') || key.includes('household')) return 'familySize';
  if (key.includes('experience')) return 'workExperience';
  return null;
}

/** Converts named-column profiles (e.g. from clustering) into the recommendation input. */
export function segmentProfilesFromNamed(profiles: readonly NamedSegmentProfile[]): SegmentProfile[] {
  return profiles.map((p) => {
    const means: SegmentFeatureStats = {};
    const medians: SegmentFeatureStats = {};
    for (const [name, summary] of Object.entries(p.numeric)) {
      const role = featureRoleOf(name);
      if (!role || means[role] !== undefined) continue;
      if (Number.isFinite(summary.mean)) means[role] = summary.mean;
      if (Number.isFinite(summary.median)) medians[role] = summary.median;
    }
    return {
      segmentId: p.segment,
      size: p.size,
      share: p.share,
      means,
      medians,
      ...(p.label !== undefined ? { label: p.label } : {}),
    };
  });
}
