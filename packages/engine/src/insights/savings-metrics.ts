/**
 * The seed's savings metrics (insights.recommender.compute_savings_metrics), without its division
 * by zero: monthly income = annual income / 12; estimated monthly spend = work experience × 1000 +
 * family size × 500; savings % = (monthly income − spend) / monthly income × 100. Where the income
 * is 0, negative or missing (or an input of the spend is missing) the savings % is NaN — stored as
 * NULL by the platform — instead of the seed's ±inf (defect §8.13).
 *
 * Input: three parallel columns of n customers. Complexity: O(n).
 */
import { EngineError } from '../core/engine-error.js';

/** Inputs of computeSavingsMetrics (NaN = missing). */
export interface SavingsInput {
  annualIncome: ArrayLike<number>;
  workExperience: ArrayLike<number>;
  familySize: ArrayLike<number>;
}

/** Per-customer savings metrics; NaN marks an undefined value (NULL in the database). */
export interface SavingsMetrics {
  monthlyIncome: Float64Array;
  estimatedMonthlySpend: Float64Array;
  savingsPercent: Float64Array;
}

/** Spend assumed per year of work experience and per family member (the seed's constants). */
export const SPEND_PER_EXPERIENCE_YEAR = 1000;
export const SPEND_PER_FAMILY_MEMBER = 500;

/** Computes the seed's three savings columns, NaN instead of ±inf. */
export function computeSavingsMetrics(input: SavingsInput): SavingsMetrics {
  const n = input.annualIncome.length;
  if (input.workExperience.length !== n || input.familySize.length !== n) {
    throw new EngineError(
      'INVALID_SHAPE',
      'annualIncome, workExperience and familySize must have the same length',
    );
  }
  const monthlyIncome = new Float64Array(n);
  const estimatedMonthlySpend = new Float64Array(n);
  const savingsPercent = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const monthly = input.annualIncome[i] / 12;
    const spend =
      input.workExperience[i] * SPEND_PER_EXPERIENCE_YEAR + input.familySize[i] * SPEND_PER_FAMILY_MEMBER;
    monthlyIncome[i] = monthly;
    estimatedMonthlySpend[i] = spend;
    savingsPercent[i] =
      monthly > 0 && Number.isFinite(monthly) ? ((monthly - spend) / monthly) * 100 : Number.NaN;
  }
  return { monthlyIncome, estimatedMonthlySpend, savingsPercent };
}

/** One histogram bin: [start, end), the last bin closed. */
export interface HistogramBin {
  start: number;
  end: number;
  count: number;
}

/** Distribution of the savings percent for the report. */
export interface SavingsSummary {
  count: number;
  /** Customers whose savings % is undefined (income 0 or missing). */
  unknownCount: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** Share of known values below 0 (spending more than earning). */
  shareNegative: number;
  bins: HistogramBin[];
  /** Known values outside `range` when one was given. */
  belowRange: number;
  aboveRange: number;
}

/** Options of summarizeSavings / equalWidthHistogram. */
export interface HistogramOptions {
  /** Number of equal-width bins (default 10, as numpy.histogram). */
  bins?: number;
  /** Bin range (default [min, max]); values outside are counted in belowRange / aboveRange. */
  range?: readonly [number, number];
}

/**
 * Equal-width histogram with numpy.histogram's edges (linspace) and bin assignment
 * (including its correction step for values on an edge). Finite values only.
 */
export function equalWidthHistogram(
  values: ArrayLike<number>,
  options: HistogramOptions = {},
): { bins: HistogramBin[]; below: number; above: number } {
  const nBins = options.bins ?? 10;
  if (!(Number.isInteger(nBins) && nBins >= 1))
    throw new EngineError('INVALID_OPTION', `bins must be a positive integer, got ${nBins}`);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let [lo, hi] = options.range ?? (finite.length ? [min, max] : [0, 1]);
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  // numpy.linspace: start + i·step, last edge exactly `hi`.
  const step = (hi - lo) / nBins;
  const edges = Array.from({ length: nBins + 1 }, (_, i) => (i === nBins ? hi : lo + i * step));
  const counts = new Array<number>(nBins).fill(0);
  const norm = nBins / (hi - lo);
  let below = 0;
  let above = 0;
  for (const v of finite) {
    if (v < lo) {
      below++;
      continue;
    }
    if (v > hi) {
      above++;
      continue;
    }
    let idx = Math.trunc((v - lo) * norm);
    if (idx === nBins) idx--;
    if (v < edges[idx]) idx--;
    else if (v >= edges[idx + 1] && idx !== nBins - 1) idx++;
    counts[idx]++;
  }
  return { bins: counts.map((count, i) => ({ start: edges[i], end: edges[i + 1], count })), below, above };
}

/** Summary and histogram of a savings-percent column (NaN = unknown). */
export function summarizeSavings(
  savingsPercent: ArrayLike<number>,
  options: HistogramOptions = {},
): SavingsSummary {
  const known = Array.from(savingsPercent).filter((v) => Number.isFinite(v));
  known.sort((a, b) => a - b);
  const n = known.length;
  const h = equalWidthHistogram(known, options);
  const mid = (n - 1) / 2;
  return {
    count: n,
    unknownCount: savingsPercent.length - n,
    mean: n ? known.reduce((s, v) => s + v, 0) / n : Number.NaN,
    median: n ? (known[Math.floor(mid)] + known[Math.ceil(mid)]) / 2 : Number.NaN,
    min: n ? known[0] : Number.NaN,
    max: n ? known[n - 1] : Number.NaN,
    shareNegative: n ? known.filter((v) => v < 0).length / n : 0,
    bins: h.bins,
    belowRange: h.below,
    aboveRange: h.above,
  };
}
