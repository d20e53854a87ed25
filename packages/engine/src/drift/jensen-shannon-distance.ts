/**
 * Jensen–Shannon distance (natural log), scipy.spatial.distance.jensenshannon: both vectors are
 * normalized to sum 1, m = (p + q)/2, JS = √((KL(p‖m) + KL(q‖m)) / 2), bounded by √ln 2.
 * Evidently's `jensenshannon` stattest feeds it the category shares, unsmoothed.
 *
 * Input: two non-negative vectors of equal length. Complexity: O(k).
 */

/** Jensen–Shannon distance between two frequency vectors. */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sq += q[i];
  }
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / sp;
    const qi = q[i] / sq;
    const m = (pi + qi) / 2;
    if (pi > 0) js += pi * Math.log(pi / m);
    if (qi > 0) js += qi * Math.log(qi / m);
  }
  return Math.sqrt(Math.max(0, js / 2));
}
