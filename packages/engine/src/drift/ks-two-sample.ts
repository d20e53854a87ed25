/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, as scipy.stats.ks_2samp(method='auto') computes
 * it (scipy 1.10 `_stats_py.py`):
 * - D = max |F₁ − F₂| over the pooled sample (ties handled by right-continuous ECDFs);
 * - 'auto' is exact when max(n₁, n₂) ≤ 10 000, asymptotic otherwise;
 * - exact: D is rounded to h / lcm(n₁, n₂) and P(D ≥ h/lcm) is the share of lattice paths leaving
 *   the band |i·n₂/g − j·n₁/g| < h (Hodges 1957), computed as a probability recursion
 *   (scipy `_compute_outer_prob_inside_method`; `_compute_prob_outside_square` when n₁ = n₂);
 * - asymptotic: kstwo.sf(D, round(n₁n₂/(n₁+n₂))) (see kolmogorov-distribution.ts).
 *
 * Input: two samples of finite numbers (sorted copies are made). Complexity: O((n₁+n₂) log) for D;
 * exact p-value O(max(n)·h/g) time, O(min(n)) memory.
 */
import { kolmogorovSf } from './kolmogorov-distribution.js';

/** Result of ksTwoSample. */
export interface KsTwoSampleResult {
  /** D statistic (rounded to h/lcm(n₁, n₂) in exact mode, as scipy does). */
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

/** Above this sample size scipy's 'auto' mode switches to the asymptotic distribution. */
export const KS_MAX_EXACT_N = 10_000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Round half to even, as numpy's np.round. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Two-sided max ECDF distance of two SORTED samples. */
export function ksStatisticSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 || j < n2) {
    // Step past every copy of the smallest remaining value in both samples.
    const v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] === v) i++;
    while (j < n2 && b[j] === v) j++;
    const diff = Math.abs(i / n1 - j / n2);
    if (diff > d) d = diff;
  }
  return d;
}

/** P(D_{n,n} ≥ h/n), Horner-like alternating sum (scipy `_compute_prob_outside_square`). */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}

/** Share of lattice paths to (m, n) leaving |i·ng − j·mg| < h (scipy `_compute_outer_prob_inside_method`). */
function probOutsideBand(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  // A[j - minj] = P(a uniformly random path to (i, j) has left the band); 1 outside the window.
  const A = new Float64Array(Math.max(lenA, n + 2)).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}

/**
 * Two-sided two-sample KS test on SORTED samples (no NaN). Mirrors scipy.stats.ks_2samp with
 * method='auto'; the exact p-value matches scipy within 1e-12, the asymptotic one within 1e-10.
 */
export function ksTwoSampleSorted(a: ArrayLike<number>, b: ArrayLike<number>): KsTwoSampleResult {
  const n1 = a.length;
  const n2 = b.length;
  const d = ksStatisticSorted(a, b);
  return ksPValue(d, n1, n2);
}

/** p-value of a two-sided KS statistic d for sample sizes n1, n2 (scipy 'auto' rules). */
export function ksPValue(d: number, n1: number, n2: number): KsTwoSampleResult {
  if (Math.max(n1, n2) <= KS_MAX_EXACT_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    const dExact = h / lcm;
    if (h === 0) return { statistic: dExact, pValue: 1, method: 'exact' };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideBand(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: dExact, pValue: p, method: 'exact' };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  const p = kolmogorovSf(roundHalfEven(en), d);
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)), method: 'asymptotic' };
}

/** Two-sided two-sample KS test (scipy.stats.ks_2samp, method='auto'); inputs need not be sorted. */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsTwoSampleResult {
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  return ksTwoSampleSorted(sa, sb);
}
