/**
 * Segment profiles with short plain-language labels.
 * Input: one label per row (noise −1 allowed) and a small feature table (numeric columns as
 * Float64Array with NaN for missing, categorical columns as strings with null/'' for missing).
 * O(n·f) plus a sort per segment and numeric feature for medians.
 * Labels come from how each segment's mean differs from the population, in population standard
 * deviations (z = (segment mean − population mean) / population std, missing values ignored):
 * age → "young" / "older", income → "affluent" / "budget-conscious", spending → "high spenders" /
 * "savers" (else "moderate spenders"), each when |z| ≥ `threshold` (default 0.5). Without any of those
 * roles, the feature with the largest |z| gives "customers with high/low <feature>". Labels are made
 * unique by a qualifier from the feature that separates the tied segments most, then by a number.
 * Noise (−1) is "outliers". No randomness: the same data give the same labels.
 */
import { EngineError } from '../core/engine-error.js';

export interface SegmentFeatureTable {
  /** Numeric columns, NaN for missing. */
  numeric: Record<string, Float64Array>;
  /** Categorical columns, null or '' for missing. */
  categorical?: Record<string, ReadonlyArray<string | null>>;
}

export interface ProfileSegmentsOptions {
  /** |z| from which a difference is named (default 0.5). */
  threshold?: number;
}

export interface NumericSummary {
  mean: number;
  median: number;
  /** (segment mean − population mean) / population std. */
  zScore: number;
  missing: number;
}

export interface ClusterProfile {
  segment: number;
  size: number;
  share: number;
  numeric: Record<string, NumericSummary>;
  /** Share of each category within the segment, largest first; missing as "(missing)". */
  categorical: Record<string, Record<string, number>>;
  label: string;
}

type Role = 'age' | 'income' | 'spending' | 'other';

function roleOf(name: string): Role {
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  if (key.startsWith('age')) return 'age';
  if (key.includes('income')) return 'income';
  if (key.includes('spend')) return 'spending';
  return 'other';
}

/** "Annual Income ($)" → "annual income", "spending_score" → "spending score". */
function humanize(name: string): string {
  return name
    .replace(/\(.*?\)/g, '')
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
}

function meanStd(
  values: Float64Array,
  rows: ArrayLike<number> | null,
): { mean: number; std: number; count: number } {
  let sum = 0;
  let count = 0;
  const len = rows ? rows.length : values.length;
  for (let t = 0; t < len; t++) {
    const v = values[rows ? rows[t] : t];
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  const mean = count > 0 ? sum / count : NaN;
  let ss = 0;
  for (let t = 0; t < len; t++) {
    const v = values[rows ? rows[t] : t];
    if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  }
  return { mean, std: count > 0 ? Math.sqrt(ss / count) : NaN, count };
}

function median(values: Float64Array, rows: ArrayLike<number>): number {
  const xs: number[] = [];
  for (let t = 0; t < rows.length; t++) {
    const v = values[rows[t]];
    if (!Number.isNaN(v)) xs.push(v);
  }
  if (xs.length === 0) return NaN;
  xs.sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/** Size, share, numeric and categorical summaries, and a unique plain-language label per segment. */
export function profileSegments(
  labels: ArrayLike<number>,
  table: SegmentFeatureTable,
  options: ProfileSegmentsOptions = {},
): ClusterProfile[] {
  const threshold = options.threshold ?? 0.5;
  const n = labels.length;
  if (n === 0) throw new EngineError('EMPTY_INPUT', 'no rows to profile');
  for (const [name, col] of Object.entries(table.numeric)) {
    if (col.length !== n)
      throw new EngineError('INVALID_SHAPE', `column ${name} has ${col.length} values for ${n} labels`);
  }
  for (const [name, col] of Object.entries(table.categorical ?? {})) {
    if (col.length !== n)
      throw new EngineError('INVALID_SHAPE', `column ${name} has ${col.length} values for ${n} labels`);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (!Number.isInteger(l))
      throw new EngineError('INVALID_OPTION', `label ${l} at row ${i} is not an integer`);
    let g = groups.get(l);
    if (!g) groups.set(l, (g = []));
    g.push(i);
  }
  const population = Object.fromEntries(Object.entries(table.numeric).map(([k, v]) => [k, meanStd(v, null)]));
  const segments = [...groups.keys()].sort((a, b) => a - b);
  const profiles: ClusterProfile[] = segments.map((segment) => {
    const rows = groups.get(segment)!;
    const numeric: Record<string, NumericSummary> = {};
    for (const [name, col] of Object.entries(table.numeric)) {
      const s = meanStd(col, rows);
      const pop = population[name];
      numeric[name] = {
        mean: s.mean,
        median: median(col, rows),
        zScore: pop.std > 0 && !Number.isNaN(s.mean) ? (s.mean - pop.mean) / pop.std : 0,
        missing: rows.length - s.count,
      };
    }
    const categorical: Record<string, Record<string, number>> = {};
    for (const [name, col] of Object.entries(table.categorical ?? {})) {
      const counts = new Map<string, number>();
      for (const i of rows) {
        const v = col[i];
        const key = v === null || v === '' ? '(missing)' : v;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      categorical[name] = Object.fromEntries(entries.map(([k, c]) => [k, c / rows.length]));
    }
    return { segment, size: rows.length, share: rows.length / n, numeric, categorical, label: '' };
  });
  for (const p of profiles) p.label = p.segment === -1 ? 'outliers' : baseLabel(p, threshold);
  disambiguate(profiles.filter((p) => p.segment !== -1));
  return profiles;
}

function baseLabel(p: ClusterProfile, t: number): string {
  const z: Partial<Record<Role, number>> = {};
  let other: { name: string; z: number } | undefined;
  for (const [name, s] of Object.entries(p.numeric)) {
    const role = roleOf(name);
    if (role === 'other') {
      if (Math.abs(s.zScore) >= t && (!other || Math.abs(s.zScore) > Math.abs(other.z)))
        other = { name, z: s.zScore };
    } else if (z[role] === undefined) z[role] = s.zScore;
  }
  const words: string[] = [];
  if (z.age !== undefined && Math.abs(z.age) >= t) words.push(z.age < 0 ? 'young' : 'older');
  if (z.income !== undefined && Math.abs(z.income) >= t)
    words.push(z.income > 0 ? 'affluent' : 'budget-conscious');
  let noun: string;
  if (z.spending !== undefined && Math.abs(z.spending) >= t)
    noun = z.spending > 0 ? 'high spenders' : 'savers';
  else if (words.length > 0) noun = z.spending !== undefined ? 'moderate spenders' : 'customers';
  else if (other) return `customers with ${other.z > 0 ? 'high' : 'low'} ${humanize(other.name)}`;
  else return 'mainstream customers';
  return [...words, noun].join(' ');
}

function disambiguate(profiles: ClusterProfile[]): void {
  const byLabel = new Map<string, ClusterProfile[]>();
  for (const p of profiles) {
    const list = byLabel.get(p.label) ?? [];
    list.push(p);
    byLabel.set(p.label, list);
  }
  for (const [label, group] of byLabel) {
    if (group.length < 2) continue;
    // the feature whose z-scores spread the tied segments the most
    let feature: string | undefined;
    let spread = 0;
    for (const name of Object.keys(group[0].numeric)) {
      const zs = group.map((p) => p.numeric[name].zScore);
      const w = Math.max(...zs) - Math.min(...zs);
      if (w > spread) {
        spread = w;
        feature = name;
      }
    }
    if (feature) {
      const f = feature;
      const order = [...group].sort(
        (a, b) => a.numeric[f].zScore - b.numeric[f].zScore || a.segment - b.segment,
      );
      const human = humanize(f);
      order.forEach((p, r) => {
        const q = r === 0 ? 'lower' : r === order.length - 1 ? 'higher' : 'mid';
        p.label = `${label} (${q} ${human})`;
      });
    }
  }
  const seen = new Map<string, number>();
  for (const p of profiles) {
    const c = (seen.get(p.label) ?? 0) + 1;
    seen.set(p.label, c);
    if (c > 1) p.label = `${p.label} ${c}`;
  }
}
