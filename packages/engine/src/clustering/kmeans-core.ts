/**
 * One k-means run on a row-major buffer: greedy k-means++ seeding, then Lloyd iterations accelerated
 * with Hamerly's bounds (one upper bound to the assigned centre, one lower bound to the second closest).
 * Input: data n×d (trusted: finite, n ≥ k). Time O(n·k·d) per iteration in the worst case, far less once
 * the bounds settle; memory O(n) (labels, two bounds) plus O(n) scratch for seeding.
 * References: Arthur & Vassilvitskii (2007) and scikit-learn's `_kmeans_plusplus` (greedy, 2 + ln k
 * local trials); Hamerly, "Making k-means even faster" (SDM 2010); scikit-learn `_kmeans_single_lloyd`
 * for the convergence rules (strict when labels stop changing, else total squared centre shift ≤ tol).
 */
import { createRng } from '../core/random.js';

/** What one run returns. Labels are consistent with the final centres. */
export interface KMeansRun {
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/** Scratch buffers reused across restarts on the same thread (n-sized). */
export interface KMeansScratch {
  n: number;
  upper: Float64Array;
  lower: Float64Array;
}

export function createScratch(n: number): KMeansScratch {
  return {
    n,
    upper: new Float64Array(n),
    lower: new Float64Array(n),
  };
}

/** Mean per-feature variance × tolerance: scikit-learn's absolute tolerance on the centre shift. */
export function absoluteTolerance(data: Float64Array, n: number, d: number, tolerance: number): number {
  if (tolerance === 0 || n === 0) return 0;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0, p = j; i < n; i++, p += d) mean += data[p];
    mean /= n;
    let v = 0;
    for (let i = 0, p = j; i < n; i++, p += d) {
      const t = data[p] - mean;
      v += t * t;
    }
    total += v / n;
  }
  return (total / d) * tolerance;
}

/**
 * Greedy k-means++ as in scikit-learn: first centre uniform, then for each next centre draw
 * 2 + ⌊ln k⌋ candidates with probability ∝ D², keep the one that lowers the potential most.
 */
export function kmeansPlusPlus(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  seed: number,
  scratch: KMeansScratch,
): Float64Array {
  const rng = createRng(seed);
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  // seeding runs before Lloyd, so it borrows the bound arrays
  const closest = scratch.upper;
  const cumsum = scratch.lower;
  const first = rng.nextInt(n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  sqDistTo(data, n, d, centers, 0, closest);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    pot += closest[i];
    cumsum[i] = pot;
  }
  const cand = new Int32Array(trials);
  const pots = new Float64Array(trials);
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) {
      const target = rng.next() * pot;
      // first index whose cumulative sum reaches the target (numpy searchsorted, side='left')
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumsum[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      cand[t] = lo;
    }
    // potentials of all candidates in one pass (same summation order as one pass per candidate)
    trialPotentials(data, n, d, cand, closest, pots);
    let bestT = 0;
    for (let t = 1; t < trials; t++) if (pots[t] < pots[bestT]) bestT = t;
    const bestId = cand[bestT];
    centers.set(data.subarray(bestId * d, bestId * d + d), c * d);
    pot = updateClosest(data, n, d, bestId * d, closest, cumsum);
  }
  return centers;
}

/** pots[t] = Σ_i min(closest[i], ‖x_i − x_cand[t]‖²), one pass over the rows. */
function trialPotentials(
  data: Float64Array,
  n: number,
  d: number,
  cand: Int32Array,
  closest: Float64Array,
  pots: Float64Array,
): void {
  const T = cand.length;
  const cc = new Float64Array(T * d);
  for (let t = 0; t < T; t++) cc.set(data.subarray(cand[t] * d, cand[t] * d + d), t * d);
  pots.fill(0);
  if (d === 3 && T === 3) {
    // the common case (k = 5..7, three features): sums in registers
    const a0 = cc[0],
      a1 = cc[1],
      a2 = cc[2];
    const b0 = cc[3],
      b1 = cc[4],
      b2 = cc[5];
    const e0 = cc[6],
      e1 = cc[7],
      e2 = cc[8];
    let pa = 0;
    let pb = 0;
    let pe = 0;
    for (let i = 0, p = 0; i < n; i++, p += 3) {
      const x0 = data[p];
      const x1 = data[p + 1];
      const x2 = data[p + 2];
      const ci = closest[i];
      let u0 = x0 - a0;
      let u1 = x1 - a1;
      let u2 = x2 - a2;
      let s = u0 * u0 + u1 * u1 + u2 * u2;
      pa += s < ci ? s : ci;
      u0 = x0 - b0;
      u1 = x1 - b1;
      u2 = x2 - b2;
      s = u0 * u0 + u1 * u1 + u2 * u2;
      pb += s < ci ? s : ci;
      u0 = x0 - e0;
      u1 = x1 - e1;
      u2 = x2 - e2;
      s = u0 * u0 + u1 * u1 + u2 * u2;
      pe += s < ci ? s : ci;
    }
    pots[0] = pa;
    pots[1] = pb;
    pots[2] = pe;
    return;
  }
  for (let i = 0, p = 0; i < n; i++, p += d) {
    const ci = closest[i];
    for (let t = 0, q = 0; t < T; t++, q += d) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const v = data[p + j] - cc[q + j];
        s += v * v;
      }
      pots[t] += s < ci ? s : ci;
    }
  }
}

/** closest[i] = min(closest[i], ‖x_i − x_cand‖²) with the running sums in cumsum; returns the total. */
function updateClosest(
  data: Float64Array,
  n: number,
  d: number,
  cand: number,
  closest: Float64Array,
  cumsum: Float64Array,
): number {
  let acc = 0;
  if (d === 3) {
    const c0 = data[cand];
    const c1 = data[cand + 1];
    const c2 = data[cand + 2];
    for (let i = 0, p = 0; i < n; i++, p += 3) {
      const u0 = data[p] - c0;
      const u1 = data[p + 1] - c1;
      const u2 = data[p + 2] - c2;
      const s = u0 * u0 + u1 * u1 + u2 * u2;
      const m = s < closest[i] ? s : closest[i];
      closest[i] = m;
      acc += m;
      cumsum[i] = acc;
    }
    return acc;
  }
  for (let i = 0, p = 0; i < n; i++, p += d) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = data[p + j] - data[cand + j];
      s += v * v;
    }
    const m = s < closest[i] ? s : closest[i];
    closest[i] = m;
    acc += m;
    cumsum[i] = acc;
  }
  return acc;
}

/** Squared distances from one centre (src[so..so+d)) to every row. */
function sqDistTo(
  data: Float64Array,
  n: number,
  d: number,
  src: Float64Array,
  so: number,
  out: Float64Array,
): void {
  if (d === 3) {
    const c0 = src[so];
    const c1 = src[so + 1];
    const c2 = src[so + 2];
    for (let i = 0, p = 0; i < n; i++, p += 3) {
      const t0 = data[p] - c0;
      const t1 = data[p + 1] - c1;
      const t2 = data[p + 2] - c2;
      out[i] = t0 * t0 + t1 * t1 + t2 * t2;
    }
    return;
  }
  for (let i = 0, p = 0; i < n; i++, p += d) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[p + j] - src[so + j];
      s += t * t;
    }
    out[i] = s;
  }
}

/** Index of the nearest centre for every row (first minimum wins, as numpy argmin). */
export function assignNearest(
  data: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  sqDist?: Float64Array,
): number {
  let total = 0;
  for (let i = 0, p = 0; i < n; i++, p += d) {
    let best = Infinity;
    let bi = 0;
    for (let c = 0, q = 0; c < k; c++, q += d) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = data[p + j] - centers[q + j];
        s += t * t;
      }
      if (s < best) {
        best = s;
        bi = c;
      }
    }
    labels[i] = bi;
    if (sqDist) sqDist[i] = best;
    total += best;
  }
  return total;
}

/** Sum of squared distances of each row to its labelled centre. */
export function inertiaOf(
  data: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  labels: Int32Array,
): number {
  let total = 0;
  for (let i = 0, p = 0; i < n; i++, p += d) {
    const q = labels[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[p + j] - centers[q + j];
      s += t * t;
    }
    total += s;
  }
  return total;
}

/**
 * Lloyd iterations from the given centres with Hamerly's bounds. Convergence as scikit-learn:
 * strict when an assignment changes no label, otherwise when Σ‖Δc‖² ≤ tolAbs. Each iteration is one
 * pass over the rows: bounds are shifted, checked, tightened if needed, and the row is added to its
 * centre's running sum in the same loop.
 */
export function lloydHamerly(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  initCenters: Float64Array,
  maxIterations: number,
  tolAbs: number,
  scratch: KMeansScratch,
): KMeansRun {
  let centers = Float64Array.from(initCenters);
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n);
  const upper = scratch.upper;
  const lower = scratch.lower;
  const counts = new Float64Array(k);
  const shift = new Float64Array(k);
  const lowerShift = new Float64Array(k);
  const half = new Float64Array(k);

  // first assignment: with infinite upper and zero lower bounds every row gets exact distances
  const pass = d === 3 ? boundedPass3 : boundedPass;
  upper.fill(Infinity, 0, n);
  lower.fill(0, 0, n);
  pass(data, n, d, k, centers, labels, upper, lower, shift, lowerShift, half, next, counts);

  let iterations = 0;
  let strict = false;
  let converged = false;
  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    if (it > 0) {
      next.fill(0);
      counts.fill(0);
      computeHalfGaps(centers, k, d, half);
      const changes = pass(
        data,
        n,
        d,
        k,
        centers,
        labels,
        upper,
        lower,
        shift,
        lowerShift,
        half,
        next,
        counts,
      );
      if (changes === 0) {
        strict = true;
        converged = true;
        break;
      }
    }
    // update step: new centres from the sums of this pass
    let empty = 0;
    for (let c = 0; c < k; c++) if (counts[c] === 0) empty++;
    if (empty > 0) relocateEmpty(data, n, d, k, centers, labels, next, counts);
    for (let c = 0; c < k; c++) {
      const w = counts[c];
      for (let j = 0; j < d; j++) next[c * d + j] /= w;
    }
    let shiftTot = 0;
    let max1 = 0;
    let max2 = 0;
    let maxIdx = -1;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = next[c * d + j] - centers[c * d + j];
        s += t * t;
      }
      shiftTot += s;
      const r = Math.sqrt(s);
      shift[c] = r;
      if (r > max1) {
        max2 = max1;
        max1 = r;
        maxIdx = c;
      } else if (r > max2) max2 = r;
    }
    for (let c = 0; c < k; c++) lowerShift[c] = c === maxIdx ? max2 : max1;
    const tmp = centers;
    centers = next;
    next = tmp;
    if (shiftTot <= tolAbs) {
      converged = true;
      break;
    }
  }
  if (!strict) {
    // labels must match the final centres (scikit-learn re-runs the E-step when not strictly converged)
    computeHalfGaps(centers, k, d, half);
    pass(data, n, d, k, centers, labels, upper, lower, shift, lowerShift, half, null, null);
  }
  return { centers, labels, inertia: inertiaOf(data, n, d, centers, labels), iterations, converged };
}

/** half[c] = ½ · distance from centre c to its nearest other centre. */
function computeHalfGaps(centers: Float64Array, k: number, d: number, half: Float64Array): void {
  for (let c = 0; c < k; c++) {
    let m = Infinity;
    for (let e = 0; e < k; e++) {
      if (e === c) continue;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const t = centers[c * d + j] - centers[e * d + j];
        s += t * t;
      }
      if (s < m) m = s;
    }
    half[c] = 0.5 * Math.sqrt(m);
  }
}

/**
 * One Hamerly assignment pass: shift the bounds by the last centre moves, skip rows whose bounds
 * prove the label, else recompute. Accumulates sums/counts when given. Returns the label changes.
 */
function boundedPass(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  centers: Float64Array,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  shift: Float64Array,
  lowerShift: Float64Array,
  half: Float64Array,
  sums: Float64Array | null,
  counts: Float64Array | null,
): number {
  let changes = 0;
  for (let i = 0, p = 0; i < n; i++, p += d) {
    let a = labels[i];
    let u = upper[i] + shift[a];
    const l = lower[i] - lowerShift[a];
    lower[i] = l;
    const bound = half[a] > l ? half[a] : l;
    if (u > bound) {
      let s = 0;
      const qa = a * d;
      for (let j = 0; j < d; j++) {
        const t = data[p + j] - centers[qa + j];
        s += t * t;
      }
      u = Math.sqrt(s);
      if (u > bound) {
        let b1 = Infinity;
        let b2 = Infinity;
        let bi = 0;
        for (let c = 0, q = 0; c < k; c++, q += d) {
          let s2 = 0;
          for (let j = 0; j < d; j++) {
            const t = data[p + j] - centers[q + j];
            s2 += t * t;
          }
          if (s2 < b1) {
            b2 = b1;
            b1 = s2;
            bi = c;
          } else if (s2 < b2) b2 = s2;
        }
        if (bi !== a) {
          labels[i] = bi;
          a = bi;
          changes++;
        }
        u = Math.sqrt(b1);
        lower[i] = Math.sqrt(b2);
      }
    }
    upper[i] = u;
    if (sums !== null) {
      counts![a]++;
      const q = a * d;
      for (let j = 0; j < d; j++) sums[q + j] += data[p + j];
    }
  }
  return changes;
}

/**
 * scikit-learn's empty-cluster fix: move each empty centre onto one of the points farthest from its
 * own centre, taking that point's weight away from its old cluster.
 */
function relocateEmpty(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  centers: Float64Array,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  const empties: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empties.push(c);
  const far = new Float64Array(n);
  for (let i = 0, p = 0; i < n; i++, p += d) {
    const q = labels[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[p + j] - centers[q + j];
      s += t * t;
    }
    far[i] = s;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => far[y] - far[x] || x - y);
  let used = 0;
  for (const c of empties) {
    // skip points whose cluster would become empty
    while (used < n && counts[labels[order[used]]] <= 1) used++;
    if (used >= n) break;
    const i = order[used++];
    const old = labels[i];
    for (let j = 0; j < d; j++) {
      sums[old * d + j] -= data[i * d + j];
      sums[c * d + j] = data[i * d + j];
    }
    counts[old]--;
    counts[c] = 1;
  }
}

/** `boundedPass` unrolled for three features (the segmentation case): same logic, same results. */
function boundedPass3(
  data: Float64Array,
  n: number,
  _d: number,
  k: number,
  centers: Float64Array,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  shift: Float64Array,
  lowerShift: Float64Array,
  half: Float64Array,
  sums: Float64Array | null,
  counts: Float64Array | null,
): number {
  let changes = 0;
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    let a = labels[i];
    let u = upper[i] + shift[a];
    const l = lower[i] - lowerShift[a];
    lower[i] = l;
    const bound = half[a] > l ? half[a] : l;
    const x0 = data[p];
    const x1 = data[p + 1];
    const x2 = data[p + 2];
    if (u > bound) {
      const qa = a * 3;
      const t0 = x0 - centers[qa];
      const t1 = x1 - centers[qa + 1];
      const t2 = x2 - centers[qa + 2];
      u = Math.sqrt(t0 * t0 + t1 * t1 + t2 * t2);
      if (u > bound) {
        let b1 = Infinity;
        let b2 = Infinity;
        let bi = 0;
        for (let c = 0, q = 0; c < k; c++, q += 3) {
          const s0 = x0 - centers[q];
          const s1 = x1 - centers[q + 1];
          const s2 = x2 - centers[q + 2];
          const sq = s0 * s0 + s1 * s1 + s2 * s2;
          if (sq < b1) {
            b2 = b1;
            b1 = sq;
            bi = c;
          } else if (sq < b2) b2 = sq;
        }
        if (bi !== a) {
          labels[i] = bi;
          a = bi;
          changes++;
        }
        u = Math.sqrt(b1);
        lower[i] = Math.sqrt(b2);
      }
    }
    upper[i] = u;
    if (sums !== null) {
      counts![a]++;
      const q = a * 3;
      sums[q] += x0;
      sums[q + 1] += x1;
      sums[q + 2] += x2;
    }
  }
  return changes;
}
