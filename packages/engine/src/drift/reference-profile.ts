/**
 * What the drift tests need to know about one reference column, built once from raw values and
 * shared by `detectDrift` (exact, from raw data) and the stored baseline (sketched, JSON-safe).
 * Both paths run the same comparison code, so only the numeric ECDF can differ (see
 * numeric-reference.ts for the bound); counts, moments, PSI bins and value counts are exact.
 *
 * Input: one column's values (NaN, ±inf, null dropped first). Complexity: O(n log n).
 */
import { numericReferenceFromSorted, quantileSorted, type NumericReference } from './numeric-reference.js';
import { PSI_DEFAULT_BINS, psiBinsFromSorted, type PsiBins } from './population-stability-index.js';

/** Numeric columns with at most this many distinct values keep exact value counts. */
export const VALUE_COUNTS_CAP = 50;

/** Summary statistics shown beside each drift result. */
export interface ColumnSummary {
  count: number;
  nUnique: number;
  mean?: number;
  /** Sample standard deviation (ddof = 1, as pandas). */
  std?: number;
  min?: number;
  max?: number;
  median?: number;
  /** Most frequent categories (categorical columns, up to 10), most frequent first. */
  topCategories?: { value: string; count: number }[];
}

/** Reference profile of a numeric column. */
export interface NumericProfile {
  type: 'numerical';
  count: number;
  nUnique: number;
  mean: number;
  /** Population standard deviation (ddof = 0), the normalizer Evidently uses for Wasserstein. */
  populationStd: number;
  min: number;
  max: number;
  median: number;
  reference: NumericReference;
  /** Exact value → count when nUnique ≤ VALUE_COUNTS_CAP, else null. */
  valueCounts: Map<number, number> | null;
  psiBins: PsiBins;
}

/** Reference profile of a categorical column. */
export interface CategoricalProfile {
  type: 'categorical';
  count: number;
  counts: Map<string, number>;
}

export type ReferenceProfile = NumericProfile | CategoricalProfile;

/** Ascending copy of the finite values. */
export function finiteSorted(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) out[k++] = v;
  }
  return out.slice(0, k).sort();
}

/** Category → count, missing values (null, undefined, NaN) dropped. */
export function countCategories(values: ReadonlyArray<unknown>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    const key = String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Value → count of a sorted numeric sample (all distinct values). */
export function sortedValueCounts(sorted: ArrayLike<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    counts.set(sorted[i], j - i);
    i = j;
  }
  return counts;
}

/** Number of distinct values of a sorted sample. */
export function sortedDistinct(sorted: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) d++;
  return d;
}

/** Mean and population variance, two-pass. */
export function meanAndVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return { mean, variance: ss / n };
}

/** Profile of a numeric reference column; `sketchSize = Infinity` keeps every value. */
export function profileNumeric(
  values: ArrayLike<number>,
  sketchSize: number,
  psiBins = PSI_DEFAULT_BINS,
): NumericProfile {
  const sorted = finiteSorted(values);
  const n = sorted.length;
  const { mean, variance } = meanAndVariance(sorted);
  const nUnique = sortedDistinct(sorted);
  const valueCounts = nUnique <= VALUE_COUNTS_CAP ? sortedValueCounts(sorted) : null;
  return {
    type: 'numerical',
    count: n,
    nUnique,
    mean,
    populationStd: Math.sqrt(variance),
    min: n ? sorted[0] : Number.NaN,
    max: n ? sorted[n - 1] : Number.NaN,
    median: quantileSorted(sorted, 0.5),
    reference: numericReferenceFromSorted(sorted, sketchSize, valueCounts ?? undefined),
    valueCounts,
    psiBins: psiBinsFromSorted(sorted, psiBins),
  };
}

/** Profile of a categorical reference column. */
export function profileCategorical(values: ReadonlyArray<unknown>): CategoricalProfile {
  const counts = countCategories(values);
  let count = 0;
  for (const c of counts.values()) count += c;
  return { type: 'categorical', count, counts };
}

/** Top categories, most frequent first (ties by name, for stable output). */
export function topCategories(counts: Map<string, number>, limit = 10): { value: string; count: number }[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));
}

/** Summary of a reference profile. */
export function summarizeProfile(p: ReferenceProfile): ColumnSummary {
  if (p.type === 'categorical') {
    return { count: p.count, nUnique: p.counts.size, topCategories: topCategories(p.counts) };
  }
  return {
    count: p.count,
    nUnique: p.nUnique,
    mean: p.mean,
    std: p.count > 1 ? p.populationStd * Math.sqrt(p.count / (p.count - 1)) : Number.NaN,
    min: p.min,
    max: p.max,
    median: p.median,
  };
}
