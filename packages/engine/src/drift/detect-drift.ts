/**
 * Column-by-column drift detection with Evidently's default test choice and thresholds
 * (evidently legacy/calculations/stattests/registry.py `_get_default_stattest`, data_drift.py;
 * summarized in shared/reference/analytics-references.md §2), plus an effect size beside every
 * p-value and a reference-quantile PSI for numeric columns.
 *
 * Test choice (n_unique over reference ∪ current after dropping NaN/±inf; size = reference rows):
 *   reference ≤ 1000 rows: numerical with n_unique > 5 → KS (drift if p ≤ 0.05);
 *                          else n_unique > 2 → chi-square (p < 0.05); else two-proportion z (p < 0.05)
 *   reference > 1000 rows: numerical with n_unique > 5 → Wasserstein / std_ref (≥ 0.1);
 *                          else Jensen–Shannon distance on category shares (≥ 0.1)
 * Effect sizes: KS → D; chi-square → Cramér's V; z → Cohen's h; Wasserstein → W/std; JS → distance.
 * Dataset drift: share of drifted columns ≥ driftShare (default 0.5).
 * ID columns are never tested: those in `idColumns`, and any column whose name, lower-cased without
 * separators, is "customerid" (the seed tested CustomerID; defect §8.10).
 *
 * Input: reference and current tables as named columns. Complexity: O(Σ n log n) over columns.
 */
import { EngineError } from '../core/engine-error.js';
import { chiSquareGoodnessOfFit } from './chi-square-test.js';
import { jensenShannonDistance } from './jensen-shannon-distance.js';
import { ksPValue } from './ks-two-sample.js';
import { ksStatisticAgainst, wassersteinAgainst } from './numeric-reference.js';
import { binCounts, psiBand, psiFromCounts, type PsiBand } from './population-stability-index.js';
import {
  countCategories,
  finiteSorted,
  meanAndVariance,
  profileCategorical,
  profileNumeric,
  sortedDistinct,
  sortedValueCounts,
  summarizeProfile,
  topCategories,
  type ColumnSummary,
  type ReferenceProfile,
} from './reference-profile.js';
import { twoProportionZTest } from './two-proportion-z-test.js';

/** One column of a drift table. Numerical values may contain NaN/±inf (dropped). */
export type DriftColumn =
  | { type: 'numerical'; values: ArrayLike<number> }
  | { type: 'categorical'; values: ReadonlyArray<string | number | boolean | null | undefined> };

/** Named columns; reference and current must give each tested column the same type. */
export type DriftTable = Record<string, DriftColumn>;

/** The statistical tests Evidently picks by default. */
export type DriftTestName = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon';

/** Which effect size accompanies the statistic. */
export type EffectSizeName = 'ks_d' | 'cramers_v' | 'cohens_h' | 'wasserstein_norm' | 'jensen_shannon';

/** Evidently's default threshold per test (p-value tests flag at/below, distances at/above). */
export const DEFAULT_DRIFT_THRESHOLDS: Readonly<Record<DriftTestName, number>> = Object.freeze({
  ks: 0.05,
  chisquare: 0.05,
  z: 0.05,
  wasserstein: 0.1,
  jensenshannon: 0.1,
});

/** Reference sizes above this use distances instead of p-value tests (Evidently). */
export const SMALL_REFERENCE_ROWS = 1000;
/** Numerical columns with more distinct values than this are treated as continuous (Evidently). */
export const CONTINUOUS_MIN_UNIQUE = 5;
/** Floor of the reference std used to normalize the Wasserstein distance (Evidently). */
export const WASSERSTEIN_MIN_STD = 0.001;

/** Options of detectDrift / detectDriftFromBaseline. */
export interface DriftOptions {
  /** Dataset drift when the share of drifted columns is ≥ this (default 0.5). */
  driftShare?: number;
  /** Columns never tested (customer ids …); a column named customer_id / CustomerID is always skipped. */
  idColumns?: readonly string[];
  /** Override thresholds per test. */
  thresholds?: Partial<Record<DriftTestName, number>>;
  /** Only test these columns (default: every reference column). */
  columns?: readonly string[];
  /** Number of reference-quantile PSI bins (default 10; used when profiles are built). */
  psiBins?: number;
  /**
   * Multiple-testing correction over the columns tested by p-value (KS, chi-square, z): 'none'
   * (default, as Evidently), 'bonferroni' (family-wise error) or 'benjamini-hochberg' (false
   * discovery rate, Benjamini & Hochberg 1995). Verdicts then use the adjusted p-values.
   */
  pValueCorrection?: PValueCorrection;
}

/** Multiple-testing corrections for the per-column p-values. */
export type PValueCorrection = 'none' | 'bonferroni' | 'benjamini-hochberg';

/** Drift verdict for one column. */
export interface FeatureDrift {
  test: DriftTestName;
  /** KS D, χ², z, W/std or JS distance; χ² is +∞ (JSON null) when a category is new in the current data. */
  statistic: number;
  /** null for distance tests (Wasserstein, Jensen–Shannon). */
  pValue: number | null;
  /** The p-value after `pValueCorrection`, when one was requested (the verdict then uses it). */
  adjustedPValue?: number;
  effectSize: number;
  effectSizeName: EffectSizeName;
  threshold: number;
  drift: boolean;
  /** Numeric columns: PSI with reference-quantile bins and its band. */
  psi?: number;
  psiBand?: PsiBand;
  /** Numeric columns: Wasserstein-1 / max(std_ref, 0.001), whatever the test. */
  wassersteinNorm?: number;
  referenceSummary: ColumnSummary;
  currentSummary: ColumnSummary;
}

/** Result of detectDrift. */
export interface DriftResult {
  features: Record<string, FeatureDrift>;
  /** Observed share of drifted columns among the tested ones. */
  driftShare: number;
  /** The threshold the share was compared with. */
  driftShareThreshold: number;
  datasetDrift: boolean;
  numberOfDriftedColumns: number;
  numberOfColumns: number;
  /** Columns not tested and why (id column, no values left after dropping missing). */
  skippedColumns: { column: string; reason: 'id_column' | 'empty_reference' | 'empty_current' }[];
}

/** True for names like customer_id, CustomerID, customer-id. */
export function isCustomerIdName(name: string): boolean {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '') === 'customerid';
}

function compareNumeric(
  p: Extract<ReferenceProfile, { type: 'numerical' }>,
  values: ArrayLike<number>,
  thresholds: Record<DriftTestName, number>,
): FeatureDrift {
  const cur = finiteSorted(values);
  const m = cur.length;
  const { mean, variance } = meanAndVariance(cur);
  const curUnique = sortedDistinct(cur);
  const currentSummary: ColumnSummary = {
    count: m,
    nUnique: curUnique,
    mean,
    std: m > 1 ? Math.sqrt(variance) * Math.sqrt(m / (m - 1)) : Number.NaN,
    min: cur[0],
    max: cur[m - 1],
    median: m % 2 ? cur[(m - 1) / 2] : (cur[m / 2 - 1] + cur[m / 2]) / 2,
  };
  // n_unique over reference ∪ current; when the reference has many values it is > 5 anyway.
  let unionUnique: number;
  let curCounts: Map<number, number> | null = null;
  if (p.valueCounts) {
    curCounts = sortedValueCounts(cur);
    const keys = new Set<number>(p.valueCounts.keys());
    for (const k of curCounts.keys()) keys.add(k);
    unionUnique = keys.size;
  } else {
    unionUnique = Math.max(p.nUnique, curUnique);
  }
  const psi = psiFromCounts(p.psiBins.counts, binCounts(p.psiBins.edges, cur));
  const wassersteinNorm =
    wassersteinAgainst(p.reference, cur) / Math.max(p.populationStd, WASSERSTEIN_MIN_STD);
  const base = {
    psi,
    psiBand: psiBand(psi),
    wassersteinNorm,
    referenceSummary: summarizeProfile(p),
    currentSummary,
  };
  if (unionUnique > CONTINUOUS_MIN_UNIQUE) {
    if (p.count <= SMALL_REFERENCE_ROWS) {
      const d = ksStatisticAgainst(p.reference, cur);
      const ks = ksPValue(d, p.count, m);
      const threshold = thresholds.ks;
      return {
        test: 'ks',
        statistic: ks.statistic,
        pValue: ks.pValue,
        effectSize: ks.statistic,
        effectSizeName: 'ks_d',
        threshold,
        drift: ks.pValue <= threshold,
        ...base,
      };
    }
    const threshold = thresholds.wasserstein;
    return {
      test: 'wasserstein',
      statistic: wassersteinNorm,
      pValue: null,
      effectSize: wassersteinNorm,
      effectSizeName: 'wasserstein_norm',
      threshold,
      drift: wassersteinNorm >= threshold,
      ...base,
    };
  }
  // Few distinct values: treat as categories (exact counts are always kept for such columns).
  const refCounts = new Map<string, number>();
  for (const [k, c] of p.valueCounts ?? []) refCounts.set(String(k), c);
  const curCat = new Map<string, number>();
  for (const [k, c] of curCounts ?? []) curCat.set(String(k), c);
  return { ...compareCounts(refCounts, p.count, curCat, m, thresholds), ...base };
}

function compareCounts(
  ref: Map<string, number>,
  nRef: number,
  cur: Map<string, number>,
  nCur: number,
  thresholds: Record<DriftTestName, number>,
): Omit<FeatureDrift, 'referenceSummary' | 'currentSummary'> {
  const keys = [...new Set([...ref.keys(), ...cur.keys()])].sort();
  const r = keys.map((k) => ref.get(k) ?? 0);
  const c = keys.map((k) => cur.get(k) ?? 0);
  if (nRef > SMALL_REFERENCE_ROWS) {
    const js = jensenShannonDistance(
      r.map((v) => v / nRef),
      c.map((v) => v / nCur),
    );
    const threshold = thresholds.jensenshannon;
    return {
      test: 'jensenshannon',
      statistic: js,
      pValue: null,
      effectSize: js,
      effectSizeName: 'jensen_shannon',
      threshold,
      drift: js >= threshold,
    };
  }
  if (keys.length > 2) {
    const chi = chiSquareGoodnessOfFit(r, c);
    const threshold = thresholds.chisquare;
    return {
      test: 'chisquare',
      statistic: chi.statistic,
      pValue: chi.pValue,
      effectSize: chi.cramersV,
      effectSizeName: 'cramers_v',
      threshold,
      drift: chi.pValue < threshold,
    };
  }
  const z = twoProportionZTest(r[0], nRef, c[0], nCur);
  const threshold = thresholds.z;
  return {
    test: 'z',
    statistic: z.statistic,
    pValue: z.pValue,
    effectSize: z.cohensH,
    effectSizeName: 'cohens_h',
    threshold,
    drift: z.pValue < threshold,
  };
}

function compareCategorical(
  p: Extract<ReferenceProfile, { type: 'categorical' }>,
  values: ReadonlyArray<unknown>,
  thresholds: Record<DriftTestName, number>,
): FeatureDrift {
  const cur = countCategories(values);
  let m = 0;
  for (const c of cur.values()) m += c;
  return {
    ...compareCounts(p.counts, p.count, cur, m, thresholds),
    referenceSummary: summarizeProfile(p),
    currentSummary: { count: m, nUnique: cur.size, topCategories: topCategories(cur) },
  };
}

function countPresent(col: DriftColumn): number {
  let k = 0;
  if (col.type === 'numerical') {
    for (let i = 0; i < col.values.length; i++) if (Number.isFinite(col.values[i])) k++;
  } else {
    for (const v of col.values)
      if (v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v))) k++;
  }
  return k;
}

/** Adjusts the p-values of p-value tests in place and re-derives their verdicts. */
function applyCorrection(features: Record<string, FeatureDrift>, correction: PValueCorrection): void {
  if (correction === 'none') return;
  const withP = Object.values(features).filter(
    (f): f is FeatureDrift & { pValue: number } => f.pValue !== null,
  );
  const k = withP.length;
  if (k === 0) return;
  if (correction === 'bonferroni') {
    for (const f of withP) f.adjustedPValue = Math.min(1, f.pValue * k);
  } else {
    // Benjamini–Hochberg step-up: q_(i) = min over j ≥ i of p_(j)·k/j, capped at 1.
    const sorted = [...withP].sort((a, b) => a.pValue - b.pValue);
    let running = 1;
    for (let i = k - 1; i >= 0; i--) {
      running = Math.min(running, sorted[i].pValue * (k / (i + 1)));
      sorted[i].adjustedPValue = running;
    }
  }
  for (const f of withP) {
    const q = f.adjustedPValue as number;
    f.drift = f.test === 'ks' ? q <= f.threshold : q < f.threshold;
  }
}

function validateOptions(options: DriftOptions): void {
  const share = options.driftShare;
  if (share !== undefined && !(share >= 0 && share <= 1)) {
    throw new EngineError('INVALID_OPTION', `driftShare must be in [0, 1], got ${share}`);
  }
  const correction = options.pValueCorrection;
  if (correction !== undefined && !['none', 'bonferroni', 'benjamini-hochberg'].includes(correction)) {
    throw new EngineError('INVALID_OPTION', `unknown pValueCorrection ${String(correction)}`);
  }
  if (options.psiBins !== undefined && !(Number.isInteger(options.psiBins) && options.psiBins >= 2)) {
    throw new EngineError('INVALID_OPTION', `psiBins must be an integer ≥ 2, got ${options.psiBins}`);
  }
}

/** Compares a current table with reference profiles (shared by the raw and the baseline paths). */
export function detectDriftFromProfiles(
  profiles: Record<string, ReferenceProfile>,
  current: DriftTable,
  options: DriftOptions = {},
): DriftResult {
  validateOptions(options);
  const thresholds = { ...DEFAULT_DRIFT_THRESHOLDS, ...options.thresholds };
  const driftShareThreshold = options.driftShare ?? 0.5;
  const ids = new Set(options.idColumns ?? []);
  const names = options.columns ?? Object.keys(profiles);
  const features: Record<string, FeatureDrift> = {};
  const skippedColumns: DriftResult['skippedColumns'] = [];
  for (const name of names) {
    if (ids.has(name) || isCustomerIdName(name)) {
      skippedColumns.push({ column: name, reason: 'id_column' });
      continue;
    }
    const p = profiles[name];
    const col = current[name];
    if (!p || !col)
      throw new EngineError('MISSING_FEATURE', `column "${name}" is missing from reference or current`);
    if (p.type !== col.type) {
      throw new EngineError(
        'INVALID_SHAPE',
        `column "${name}" is ${p.type} in the reference but ${col.type} now`,
      );
    }
    if (p.count === 0) {
      skippedColumns.push({ column: name, reason: 'empty_reference' });
      continue;
    }
    if (countPresent(col) === 0) {
      skippedColumns.push({ column: name, reason: 'empty_current' });
      continue;
    }
    features[name] =
      p.type === 'numerical'
        ? compareNumeric(p, col.values as ArrayLike<number>, thresholds)
        : compareCategorical(p, col.values as ReadonlyArray<unknown>, thresholds);
  }
  applyCorrection(features, options.pValueCorrection ?? 'none');
  const tested = Object.values(features);
  const numberOfDriftedColumns = tested.filter((f) => f.drift).length;
  const driftShare = tested.length ? numberOfDriftedColumns / tested.length : 0;
  return {
    features,
    driftShare,
    driftShareThreshold,
    datasetDrift: tested.length > 0 && driftShare >= driftShareThreshold,
    numberOfDriftedColumns,
    numberOfColumns: tested.length,
    skippedColumns,
  };
}

/** Reference profiles of the tested columns: exact with `sketchSize = Infinity`, else sketched (baselines). */
export function profileTable(
  table: DriftTable,
  sketchSize: number,
  options: DriftOptions = {},
): Record<string, ReferenceProfile> {
  validateOptions(options);
  const ids = new Set(options.idColumns ?? []);
  const profiles: Record<string, ReferenceProfile> = {};
  for (const name of options.columns ?? Object.keys(table)) {
    if (ids.has(name) || isCustomerIdName(name)) continue;
    const col = table[name];
    if (!col) throw new EngineError('MISSING_FEATURE', `column "${name}" is missing from the reference`);
    profiles[name] =
      col.type === 'numerical'
        ? profileNumeric(col.values, sketchSize, options.psiBins)
        : profileCategorical(col.values);
  }
  return profiles;
}

/**
 * Drift of `current` against the raw `reference` table, per column and for the dataset.
 * Matches Evidently's DataDriftPreset defaults; see the file header.
 */
export function detectDrift(
  reference: DriftTable,
  current: DriftTable,
  options: DriftOptions = {},
): DriftResult {
  const profiles = profileTable(reference, Infinity, options);
  const idsSkipped = (options.columns ?? Object.keys(reference)).filter(
    (n) => (options.idColumns ?? []).includes(n) || isCustomerIdName(n),
  );
  const result = detectDriftFromProfiles(profiles, current, { ...options, columns: undefined });
  result.skippedColumns.unshift(...idsSkipped.map((column) => ({ column, reason: 'id_column' as const })));
  return result;
}
