/**
 * Pearson and Spearman correlation matrices with pandas' pairwise-complete NaN handling
 * (pandas.DataFrame.corr, pandas/_libs/algos.pyx `nancorr` / `nancorr_spearman`): each pair uses
 * the rows where both values are present; fewer than `minPeriods` (default 1) such rows, or a
 * constant column over them, gives NaN. Pearson uses Welford's updates as pandas does; Spearman is
 * Pearson on average ranks (ties share the mean rank) computed over the pair's complete rows.
 * Identifier columns are excluded (the seed correlated CustomerID too).
 *
 * Input: named numeric columns of equal length n, k columns. Complexity: O(k²·n) Pearson,
 * O(k²·n log n) Spearman with missing values (O(k·n log n + k²·n) without).
 */
import { EngineError } from '../core/engine-error.js';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { isIdColumnName } from './id-columns.js';

/** A labelled square correlation matrix (row-major), NaN where undefined. */
export interface CorrelationMatrix {
  columns: string[];
  matrix: Matrix;
}

/** Options of the correlation functions. */
export interface CorrelationOptions {
  idColumns?: readonly string[];
  /** Minimum complete pairs for a defined coefficient (pandas min_periods, default 1). */
  minPeriods?: number;
}

function selectColumns(
  columns: Record<string, ArrayLike<number>>,
  options: CorrelationOptions,
): [string[], ArrayLike<number>[]] {
  const names = Object.keys(columns).filter((n) => !isIdColumnName(n, options.idColumns));
  const data = names.map((n) => columns[n]);
  const len = data.length ? data[0].length : 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i].length !== len) {
      throw new EngineError(
        'INVALID_SHAPE',
        `column "${names[i]}" has ${data[i].length} rows, expected ${len}`,
      );
    }
  }
  return [names, data];
}

/** pandas nancorr for one pair, Welford updates over the complete rows. */
function pearsonPair(x: ArrayLike<number>, y: ArrayLike<number>, minPeriods: number): number {
  let nobs = 0;
  let meanx = 0;
  let meany = 0;
  let ssqdmx = 0;
  let ssqdmy = 0;
  let covxy = 0;
  for (let i = 0; i < x.length; i++) {
    const vx = x[i];
    const vy = y[i];
    if (Number.isNaN(vx) || Number.isNaN(vy)) continue;
    nobs++;
    const dx = vx - meanx;
    const dy = vy - meany;
    meanx += dx / nobs;
    meany += dy / nobs;
    ssqdmx += (vx - meanx) * dx;
    ssqdmy += (vy - meany) * dy;
    covxy += (vx - meanx) * dy;
  }
  if (nobs < minPeriods) return Number.NaN;
  const divisor = Math.sqrt(ssqdmx * ssqdmy);
  return divisor !== 0 ? covxy / divisor : Number.NaN;
}

/** Average ranks (1-based) of the values; ties share their mean rank (scipy rankdata 'average'). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[order[t]] = r;
    i = j + 1;
  }
  return ranks;
}

function build(names: string[], pair: (i: number, j: number) => number): CorrelationMatrix {
  const k = names.length;
  const matrix = createMatrix(k, k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const r = pair(i, j);
      matrix.data[i * k + j] = r;
      matrix.data[j * k + i] = r;
    }
  }
  return { columns: names, matrix };
}

/** Pearson correlation matrix (pandas DataFrame.corr('pearson')), id columns excluded. */
export function pearsonCorrelationMatrix(
  columns: Record<string, ArrayLike<number>>,
  options: CorrelationOptions = {},
): CorrelationMatrix {
  const [names, data] = selectColumns(columns, options);
  const minPeriods = options.minPeriods ?? 1;
  return build(names, (i, j) => pearsonPair(data[i], data[j], minPeriods));
}

/** Spearman rank correlation matrix (pandas DataFrame.corr('spearman')), id columns excluded. */
export function spearmanCorrelationMatrix(
  columns: Record<string, ArrayLike<number>>,
  options: CorrelationOptions = {},
): CorrelationMatrix {
  const [names, data] = selectColumns(columns, options);
  const minPeriods = options.minPeriods ?? 1;
  const hasNaN = data.map((c) => Array.prototype.some.call(c, (v: number) => Number.isNaN(v)));
  const fullRanks = data.map((c, i) => (hasNaN[i] ? null : averageRanks(c)));
  return build(names, (i, j) => {
    const x = data[i];
    const y = data[j];
    if (!hasNaN[i] && !hasNaN[j])
      return pearsonPair(fullRanks[i] as Float64Array, fullRanks[j] as Float64Array, minPeriods);
    // Rank again over the rows complete for this pair only, as pandas does.
    const rows: number[] = [];
    for (let r = 0; r < x.length; r++) if (!Number.isNaN(x[r]) && !Number.isNaN(y[r])) rows.push(r);
    if (rows.length < minPeriods) return Number.NaN;
    const rx = averageRanks(rows.map((r) => x[r]));
    const ry = averageRanks(rows.map((r) => y[r]));
    return pearsonPair(rx, ry, minPeriods);
  });
}
