/**
 * Two-proportion Z-test for binary columns, as Evidently's `z` stattest
 * (legacy/calculations/stattests/z_stattest.py): pooled proportion P, z = (p₁ − p₂) /
 * √(P(1 − P)(1/n₁ + 1/n₂)), two-sided p = 2·(1 − Φ(|z|)), computed here as erfc(|z|/√2) so tiny
 * p-values keep their precision. Both sides constant and equal → p = 1, as Evidently.
 * Effect size: Cohen's h = |2·asin√p₁ − 2·asin√p₂| (Cohen 1988, §6.2).
 *
 * Input: count of the "positive" value and size for each side. Complexity: O(1).
 */
import { erfc } from './special-functions.js';

/** Result of twoProportionZTest. */
export interface ZTestResult {
  statistic: number;
  pValue: number;
  /** Cohen's h, absolute. */
  cohensH: number;
}

/** Two-sided two-proportion z-test of successes1/n1 against successes2/n2. */
export function twoProportionZTest(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
): ZTestResult {
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const cohensH = Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { statistic: 0, pValue: 1, cohensH };
  const statistic = (p1 - p2) / se;
  return { statistic, pValue: erfc(Math.abs(statistic) / Math.SQRT2), cohensH };
}
