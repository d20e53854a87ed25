/**
 * Drift baselines: a compact, JSON-serializable summary of a reference table from which
 * `detectDriftFromBaseline` reaches the same verdicts as `detectDrift` on the raw reference.
 * (The seed stored every raw value of every numeric column, CustomerID included; defect §8.10.)
 *
 * Per numeric column: count, n_unique, mean, population std, min, max, median, the PSI bins
 * (reference-quantile edges + exact reference counts), exact value counts when n_unique ≤ 50, and
 * a quantile sketch: K + 1 = 2001 type-7 quantiles at u = i/K plus the 100 smallest and largest
 * values. Columns with ≤ 2201 values keep their sorted values instead, and columns with ≤ 50
 * distinct values keep exact value counts, so every small-reference test (KS / chi-square / z,
 * which Evidently only uses up to 1000 rows) is bit-for-bit the raw-data result, with scipy's exact
 * KS p-value. For larger continuous references only the ECDF is approximated: the KS distance moves
 * by ≤ 1/K + 2/n and the Wasserstein distance by ≤ (max − min)·(1/K + 2/n) (numeric-reference.ts);
 * a KS p-value from a sketch uses the true n. Why evenly spaced quantiles rather than a KLL / t-digest: the baseline is
 * built once from data already in memory, so exact quantiles cost one sort, have a deterministic
 * error bound of 1/K in rank everywhere (t-digest favours the tails, KLL is randomized), and the
 * Wasserstein integral over a piecewise-linear quantile function is exact. ~2001 doubles ≈ 40 kB of
 * JSON per column whatever the row count. Per categorical column: category counts.
 *
 * Complexity: build O(n log n) per column; detect as detectDrift with K + 1 reference points.
 */
import { EngineError } from '../core/engine-error.js';
import { expectSerialized, type SerializedModel } from '../core/serialized-model.js';
import {
  detectDriftFromProfiles,
  isCustomerIdName,
  profileTable,
  type DriftOptions,
  type DriftResult,
  type DriftTable,
} from './detect-drift.js';
import type { PsiBins } from './population-stability-index.js';
import type { CategoricalProfile, NumericProfile, ReferenceProfile } from './reference-profile.js';

export const DRIFT_BASELINE_KIND = 'drift-baseline';
export const DRIFT_BASELINE_VERSION = 1;
/** K: the sketch keeps K + 1 quantiles; a multiple of 10 and 4 so deciles and quartiles are exact knots. */
export const DEFAULT_SKETCH_SIZE = 2000;

/** Stored summary of one numeric column. */
export interface NumericBaselineColumn {
  type: 'numerical';
  count: number;
  nUnique: number;
  mean: number;
  populationStd: number;
  min: number;
  max: number;
  median: number;
  /**
   * exact: all sorted values (or distinct values + `cumulative` counts); otherwise quantile knots
   * with their CDF `levels` (see numeric-reference.ts).
   */
  sketch: { exact: boolean; points: number[]; cumulative?: number[]; levels?: number[] };
  /** [value, count] pairs when nUnique ≤ 50, else null. */
  valueCounts: [number, number][] | null;
  psi: PsiBins;
}

/** Stored summary of one categorical column. */
export interface CategoricalBaselineColumn {
  type: 'categorical';
  count: number;
  counts: [string, number][];
}

export type BaselineColumn = NumericBaselineColumn | CategoricalBaselineColumn;

/** Parameters of a serialized drift baseline. */
export interface DriftBaselineParams {
  rowCount: number;
  sketchSize: number;
  /** Columns of the reference left out as identifiers (reported as skipped by every check). */
  idColumns: string[];
  columns: Record<string, BaselineColumn>;
}

/** A drift baseline (JSON-safe; NaN statistics of empty columns serialize as null). */
export type DriftBaseline = SerializedModel<typeof DRIFT_BASELINE_KIND, DriftBaselineParams>;

/** Options of buildDriftBaseline. */
export interface DriftBaselineOptions {
  /** Columns to leave out (ids); customer_id / CustomerID is always left out. */
  idColumns?: readonly string[];
  /** Only these columns (default: all). */
  columns?: readonly string[];
  /** K of the quantile sketch (default 2000). */
  sketchSize?: number;
  /** Number of PSI bins (default 10). */
  psiBins?: number;
}

function toColumn(p: ReferenceProfile): BaselineColumn {
  if (p.type === 'categorical')
    return { type: 'categorical', count: p.count, counts: [...p.counts.entries()] };
  return {
    type: 'numerical',
    count: p.count,
    nUnique: p.nUnique,
    mean: p.mean,
    populationStd: p.populationStd,
    min: p.min,
    max: p.max,
    median: p.median,
    sketch: {
      exact: p.reference.exact,
      points: Array.from(p.reference.points),
      ...(p.reference.cumulative ? { cumulative: Array.from(p.reference.cumulative) } : {}),
      ...(p.reference.levels ? { levels: Array.from(p.reference.levels) } : {}),
    },
    valueCounts: p.valueCounts ? [...p.valueCounts.entries()] : null,
    psi: { edges: [...p.psiBins.edges], counts: [...p.psiBins.counts] },
  };
}

const num = (v: unknown): number => (v === null ? Number.NaN : (v as number));

function toProfile(name: string, c: BaselineColumn): ReferenceProfile {
  if (c.type === 'categorical') {
    if (!Array.isArray(c.counts))
      throw new EngineError('INVALID_SHAPE', `baseline column "${name}" has no counts`);
    return { type: 'categorical', count: c.count, counts: new Map(c.counts) } satisfies CategoricalProfile;
  }
  if (
    c.type !== 'numerical' ||
    !c.sketch ||
    !Array.isArray(c.sketch.points) ||
    !c.psi ||
    (!c.sketch.exact && c.sketch.levels?.length !== c.sketch.points.length)
  ) {
    throw new EngineError('INVALID_SHAPE', `baseline column "${name}" is malformed`);
  }
  return {
    type: 'numerical',
    count: c.count,
    nUnique: c.nUnique,
    mean: num(c.mean),
    populationStd: num(c.populationStd),
    min: num(c.min),
    max: num(c.max),
    median: num(c.median),
    reference: {
      count: c.count,
      points: Float64Array.from(c.sketch.points),
      exact: c.sketch.exact,
      cumulative: c.sketch.cumulative ? Float64Array.from(c.sketch.cumulative) : undefined,
      levels: c.sketch.levels ? Float64Array.from(c.sketch.levels) : undefined,
    },
    valueCounts: c.valueCounts ? new Map(c.valueCounts) : null,
    psiBins: { edges: c.psi.edges, counts: c.psi.counts },
  } satisfies NumericProfile;
}

/** Summarizes a reference table into a baseline (ID columns left out). */
export function buildDriftBaseline(table: DriftTable, options: DriftBaselineOptions = {}): DriftBaseline {
  const sketchSize = options.sketchSize ?? DEFAULT_SKETCH_SIZE;
  if (!(Number.isInteger(sketchSize) && sketchSize >= 10)) {
    throw new EngineError('INVALID_OPTION', `sketchSize must be an integer ≥ 10, got ${sketchSize}`);
  }
  const profiles = profileTable(table, sketchSize, options);
  const columns: Record<string, BaselineColumn> = {};
  for (const [name, p] of Object.entries(profiles)) columns[name] = toColumn(p);
  let rowCount = 0;
  for (const col of Object.values(table)) rowCount = Math.max(rowCount, col.values.length);
  const ids = new Set(options.idColumns ?? []);
  const idColumns = (options.columns ?? Object.keys(table)).filter((n) => ids.has(n) || isCustomerIdName(n));
  return {
    kind: DRIFT_BASELINE_KIND,
    version: DRIFT_BASELINE_VERSION,
    params: { rowCount, sketchSize, idColumns, columns },
  };
}

/** Checks kind, version and shape of a stored baseline (e.g. after JSON.parse). */
export function parseDriftBaseline(json: unknown): DriftBaseline {
  const env = expectSerialized(json, DRIFT_BASELINE_KIND, [DRIFT_BASELINE_VERSION]);
  const params = env.params as DriftBaselineParams | undefined;
  if (!params || typeof params.columns !== 'object' || params.columns === null) {
    throw new EngineError('INVALID_SHAPE', 'drift baseline has no columns');
  }
  return env as DriftBaseline;
}

/**
 * Drift of `current` against a stored baseline: same tests, thresholds and result shape as
 * detectDrift, and the same verdicts (see the header for the approximation bound).
 */
export function detectDriftFromBaseline(
  baseline: unknown,
  current: DriftTable,
  options: DriftOptions = {},
): DriftResult {
  const b = parseDriftBaseline(baseline);
  const ids = new Set(options.idColumns ?? []);
  const profiles: Record<string, ReferenceProfile> = {};
  const skipped: string[] = [...(b.params.idColumns ?? [])];
  for (const name of options.columns ?? Object.keys(b.params.columns)) {
    if (ids.has(name) || isCustomerIdName(name)) {
      if (!skipped.includes(name)) skipped.push(name);
      continue;
    }
    const col = b.params.columns[name];
    if (!col) throw new EngineError('MISSING_FEATURE', `column "${name}" is not in the baseline`);
    profiles[name] = toProfile(name, col);
  }
  const result = detectDriftFromProfiles(profiles, current, {
    ...options,
    columns: undefined,
    idColumns: undefined,
  });
  result.skippedColumns.unshift(...skipped.map((column) => ({ column, reason: 'id_column' as const })));
  return result;
}
