/**
 * Descriptive statistics per numeric column, as pandas DataFrame.describe(): count of non-NaN
 * values, mean, sample std (ddof = 1, two-pass as pandas nanops), min, 25 / 50 / 75 % quantiles
 * with linear interpolation (type 7) and max. NaN is skipped; a column with no values gives count
 * 0 and NaN elsewhere, one value gives std NaN (as pandas).
 *
 * Input: named numeric columns. Complexity: O(n log n) per column (one sort).
 * Reference: pandas.DataFrame.describe, numpy.quantile(method='linear').
 */
import { isIdColumnName } from './id-columns.js';

/** pandas describe() of one numeric column. */
export interface ColumnDescription {
  count: number;
  mean: number;
  std: number;
  min: number;
  q25: number;
  median: number;
  q75: number;
  max: number;
}

/** Options of describeColumns. */
export interface DescribeOptions {
  /** Columns to leave out (e.g. customer ids); a column named customer_id / CustomerID is always left out. */
  idColumns?: readonly string[];
}

function quantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]);
}

/** describe() of one column. */
export function describeColumn(values: ArrayLike<number>): ColumnDescription {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) kept.push(values[i]);
  const sorted = Float64Array.from(kept).sort();
  const n = sorted.length;
  if (n === 0) {
    const nan = Number.NaN;
    return { count: 0, mean: nan, std: nan, min: nan, q25: nan, median: nan, q75: nan, max: nan };
  }
  let sum = 0;
  for (const v of kept) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of kept) ss += (v - mean) ** 2;
  return {
    count: n,
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN,
    min: sorted[0],
    q25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q75: quantile(sorted, 0.75),
    max: sorted[n - 1],
  };
}

/** describe() of every column except id columns, keyed by column name. */
export function describeColumns(
  columns: Record<string, ArrayLike<number>>,
  options: DescribeOptions = {},
): Record<string, ColumnDescription> {
  const out: Record<string, ColumnDescription> = {};
  for (const [name, values] of Object.entries(columns)) {
    if (isIdColumnName(name, options.idColumns)) continue;
    out[name] = describeColumn(values);
  }
  return out;
}
