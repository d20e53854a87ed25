/**
 * Knee (elbow) of a convex curve, increasing or decreasing: after scaling x and y to [0, 1], the point
 * farthest below the straight line joining the first and last points. This is the "Kneedle" difference
 * curve maximum (Satopää et al., 2011) without smoothing. O(n). Returns 0 for flat or tiny curves.
 */
export function findKnee(y: ArrayLike<number>, x?: ArrayLike<number>): number {
  const n = y.length;
  if (n < 3) return 0;
  const xs = x ?? Array.from({ length: n }, (_, i) => i);
  let ymin = Infinity;
  let ymax = -Infinity;
  for (let i = 0; i < n; i++) {
    if (y[i] < ymin) ymin = y[i];
    if (y[i] > ymax) ymax = y[i];
  }
  const x0 = xs[0];
  const xw = xs[n - 1] - x0;
  const yw = ymax - ymin;
  if (!(xw > 0) || !(yw > 0)) return 0;
  const yFirst = (y[0] - ymin) / yw;
  const yLast = (y[n - 1] - ymin) / yw;
  let best = 0;
  let bestGap = 0;
  for (let i = 1; i < n - 1; i++) {
    const t = (xs[i] - x0) / xw;
    const chord = yFirst + t * (yLast - yFirst);
    const gap = chord - (y[i] - ymin) / yw;
    if (gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best;
}
