/**
 * Chi-square goodness of fit of current category counts against reference frequencies, as
 * Evidently's `chisquare` stattest (legacy/calculations/stattests/chisquare_stattest.py): expected =
 * reference counts × (n_current / n_reference), p = scipy.stats.chisquare(observed, expected).pvalue
 * = chi2.sf(χ², k − 1). A category present only in the current data has expected 0, so χ² = +∞ and
 * p = 0 (scipy does the same). Effect size: Cramér's V of the 2 × k reference-vs-current
 * contingency table, √(χ²_contingency / N) — bounded in [0, 1], unlike χ² itself.
 *
 * Input: parallel count arrays over the union of categories. Complexity: O(k).
 */
import { chiSquareSf } from './special-functions.js';

/** Result of chiSquareGoodnessOfFit. */
export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
  /** Cramér's V of the reference-vs-current contingency table. */
  cramersV: number;
}

/** Chi-square test of `current` counts against `reference` counts scaled to the current total. */
export function chiSquareGoodnessOfFit(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): ChiSquareResult {
  const k = reference.length;
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < k; i++) {
    nRef += reference[i];
    nCur += current[i];
  }
  const scale = nCur / nRef;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const expected = reference[i] * scale;
    const diff = current[i] - expected;
    statistic += expected === 0 ? (current[i] === 0 ? 0 : Infinity) : (diff * diff) / expected;
  }
  const degreesOfFreedom = k - 1;
  const pValue = degreesOfFreedom > 0 ? chiSquareSf(statistic, degreesOfFreedom) : 1;
  return { statistic, pValue, degreesOfFreedom, cramersV: cramersV(reference, current) };
}

/** Cramér's V of the 2 × k table whose rows are the two count vectors. */
export function cramersV(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const k = reference.length;
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < k; i++) {
    nRef += reference[i];
    nCur += current[i];
  }
  const total = nRef + nCur;
  if (k < 2 || nRef === 0 || nCur === 0) return 0;
  let chi2 = 0;
  for (let i = 0; i < k; i++) {
    const col = reference[i] + current[i];
    if (col === 0) continue;
    const eRef = (nRef * col) / total;
    const eCur = (nCur * col) / total;
    chi2 += (reference[i] - eRef) ** 2 / eRef + (current[i] - eCur) ** 2 / eCur;
  }
  return Math.sqrt(chi2 / total);
}
