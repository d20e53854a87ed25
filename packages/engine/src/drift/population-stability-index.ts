/**
 * Population Stability Index with bins from REFERENCE quantiles.
 *
 * Bins: the interior type-7 quantiles of the reference at i/bins (i = 1 … bins − 1), duplicates
 * removed (ties collapse bins), with open outer bins (−∞, e₁) and [e_last, +∞) so current values
 * outside the reference range are counted, not dropped; a value equal to an edge goes to the upper
 * bin. Shares of 0 are replaced as Evidently does (stattests/utils.py `get_binned_data`,
 * feel_zeroes): by 1e-4, or by (smallest non-zero share)/10⁶ when that share is ≤ 1e-4, so the log
 * ratio stays finite. PSI = Σ (cur − ref)·ln(cur / ref) (Siddiqi 2006; Yurdakul 2018).
 * Bands (industry convention, e.g. Siddiqi): < 0.1 stable, 0.1–0.25 moderate, ≥ 0.25 significant.
 *
 * Input: sorted reference (or stored edges + reference counts) and a current sample.
 * Complexity: O(m log bins) for m current values.
 */
import { quantileSorted, upperBound } from './numeric-reference.js';

/** Default number of reference-quantile bins. */
export const PSI_DEFAULT_BINS = 10;
/** Replacement share for an empty bin (Evidently's value). */
export const PSI_EMPTY_BIN_SHARE = 1e-4;
/** PSI at or above this is "moderate" drift. */
export const PSI_MODERATE = 0.1;
/** PSI at or above this is "significant" drift. */
export const PSI_SIGNIFICANT = 0.25;

/** Conventional PSI band. */
export type PsiBand = 'stable' | 'moderate' | 'significant';

/** Reference bin edges (interior, deduplicated) and the reference count in each of edges.length + 1 bins. */
export interface PsiBins {
  edges: number[];
  counts: number[];
}

/** Bins a sorted reference sample by its own quantiles. */
export function psiBinsFromSorted(sortedReference: ArrayLike<number>, bins = PSI_DEFAULT_BINS): PsiBins {
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = quantileSorted(sortedReference, i / bins);
    if (edges.length === 0 || edges[edges.length - 1] !== e) edges.push(e);
  }
  return { edges, counts: binCounts(edges, sortedReference) };
}

/** Counts of values per bin for the given interior edges. */
export function binCounts(edges: readonly number[], values: ArrayLike<number>): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) counts[upperBound(edges, values[i])]++;
  return counts;
}

/** Shares with empty bins smoothed as Evidently does. */
export function smoothedShares(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  const shares = counts.map((c) => c / total);
  let minNonZero = Infinity;
  for (const s of shares) if (s > 0 && s < minNonZero) minNonZero = s;
  const fill = minNonZero <= PSI_EMPTY_BIN_SHARE ? minNonZero / 1e6 : PSI_EMPTY_BIN_SHARE;
  return shares.map((s) => (s === 0 ? fill : s));
}

/** PSI of current counts against reference counts over the same bins. */
export function psiFromCounts(referenceCounts: readonly number[], currentCounts: readonly number[]): number {
  const ref = smoothedShares(referenceCounts);
  const cur = smoothedShares(currentCounts);
  let psi = 0;
  for (let i = 0; i < ref.length; i++) psi += (cur[i] - ref[i]) * Math.log(cur[i] / ref[i]);
  return psi;
}

/** Band of a PSI value. */
export function psiBand(psi: number): PsiBand {
  return psi >= PSI_SIGNIFICANT ? 'significant' : psi >= PSI_MODERATE ? 'moderate' : 'stable';
}

/** PSI of `current` against `reference` with reference-quantile bins (raw samples, any order). */
export function populationStabilityIndex(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  bins = PSI_DEFAULT_BINS,
): { psi: number; band: PsiBand; bins: PsiBins } {
  const sorted = Float64Array.from(reference).sort();
  const b = psiBinsFromSorted(sorted, bins);
  const psi = psiFromCounts(b.counts, binCounts(b.edges, current));
  return { psi, band: psiBand(psi), bins: b };
}
