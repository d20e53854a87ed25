/**
 * Kernel SHAP for any model (Lundberg & Lee 2017, "A Unified Approach to Interpreting Model
 * Predictions"; as `shap.KernelExplainer`). Coalitions of players (features or feature groups)
 * are valued by the interventional expectation E_b[f(x_S, b_S̄)] over a weighted background and
 * fitted by weighted least squares with the Shapley kernel. Whole coalition sizes are enumerated
 * while the budget allows (smallest and largest first), the rest sampled in complementary pairs;
 * the efficiency constraint Σφ = f(x) − E[f] is eliminated exactly, so additivity holds to
 * rounding. The sampling error is a bootstrap over the sampled coalitions (zero when every
 * coalition was enumerated, in which case the values are the exact Shapley values); given a
 * bound on it, the coalition budget doubles until the bound is met or the refinements run out.
 * Input: one row, a background of m rows, M players. Cost O(nSamples · m) model evaluations
 * plus O(nSamples · M² + M³) per solve.
 */
import { EngineError } from '../core/engine-error.js';
import { assertFinite, createMatrix, matrixFrom, type Matrix } from '../core/matrix.js';
import { createRng, type Rng } from '../core/random.js';
import { toWeightedBackground, type Background } from './background.js';
import { solveSymmetric } from './solve-linear.js';

export interface KernelShapOptions {
  /** Coalitions to evaluate (default 2·M + 2048, as shap's "auto"); capped at 2^M − 2. */
  readonly nSamples?: number;
  /** The players: encoded columns per feature (default: one player per column). */
  readonly groups?: readonly (readonly number[])[];
  readonly seed?: number;
  /** Bootstrap rounds for the sampling error (default 100). */
  readonly bootstrapRounds?: number;
  /**
   * Bound on the largest bootstrap standard error: the coalition budget doubles (up to
   * `maxRefinements` times) until it is met; a warning says when it still is not. Default: none.
   */
  readonly maxSamplingError?: number;
  /** Budget doublings allowed to meet maxSamplingError (default 3, i.e. up to 8× nSamples). */
  readonly maxRefinements?: number;
}

/** Bootstrap standard errors of the Kernel SHAP values (0 for enumerated or inactive players). */
export interface SamplingError {
  readonly standardErrors: Float64Array;
  readonly max: number;
  readonly bootstrapRounds: number;
}

export interface KernelShapResult {
  /** E_b[f(b)] over the weighted background. */
  readonly baseValue: number;
  readonly prediction: number;
  /** One value per player; baseValue + Σ values = prediction. */
  readonly values: Float64Array;
  /** True when every coalition was evaluated: the values are exact Shapley values. */
  readonly exact: boolean;
  /** Distinct coalitions evaluated. */
  readonly nCoalitions: number;
  readonly samplingError: SamplingError;
  readonly warnings: readonly string[];
}

/** Kernel SHAP values of one row (see the file header). The background is required. */
export function kernelShap(
  predict: (X: Matrix) => Float64Array,
  x: ArrayLike<number>,
  background: Background,
  options: KernelShapOptions = {},
): KernelShapResult {
  const p = x.length;
  const row = Float64Array.from(x);
  assertFinite(matrixFrom(row, 1, p), 'x');
  const bg = toWeightedBackground(background, p);
  const groups = options.groups ?? Array.from({ length: p }, (_, j) => [j]);
  const M = groups.length;
  const bootstrapRounds = options.bootstrapRounds ?? 100;
  if (!Number.isInteger(bootstrapRounds) || bootstrapRounds < 0) {
    throw new EngineError('INVALID_OPTION', 'bootstrapRounds must be a non-negative integer');
  }
  const rng = createRng(options.seed ?? 0);

  const prediction = predict(matrixFrom(row.slice(), 1, p))[0];
  const bgPred = predict(bg.data);
  let baseValue = 0;
  for (let b = 0; b < bg.data.rows; b++) baseValue += bg.weights[b] * bgPred[b];

  // Players whose columns equal x in every background row cannot change anything: φ = 0.
  const active: number[] = [];
  for (let g = 0; g < M; g++) {
    let varies = false;
    for (let b = 0; b < bg.data.rows && !varies; b++) {
      for (const c of groups[g]) {
        if (bg.data.data[b * p + c] !== row[c]) {
          varies = true;
          break;
        }
      }
    }
    if (varies) active.push(g);
  }
  const values = new Float64Array(M);
  const standardErrors = new Float64Array(M);
  const delta = prediction - baseValue;
  const finish = (exact: boolean, nCoalitions: number, warnings: string[]): KernelShapResult => {
    let max = 0;
    for (const s of standardErrors) max = Math.max(max, s);
    if (options.maxSamplingError !== undefined && max > options.maxSamplingError) {
      warnings.push(
        `Kernel SHAP sampling error ${max.toPrecision(3)} exceeds ${options.maxSamplingError}; raise nSamples`,
      );
    }
    return {
      baseValue,
      prediction,
      values,
      exact,
      nCoalitions,
      samplingError: { standardErrors, max, bootstrapRounds: exact ? 0 : bootstrapRounds },
      warnings,
    };
  };
  if (active.length === 0) return finish(true, 0, []);
  if (active.length === 1) {
    values[active[0]] = delta;
    return finish(true, 0, []);
  }

  const m = active.length;
  let budget = options.nSamples ?? 2 * m + 2048;
  if (!Number.isInteger(budget) || budget < 2) {
    throw new EngineError('INVALID_OPTION', `nSamples must be an integer >= 2, got ${budget}`);
  }
  const maxRefinements = options.maxRefinements ?? 3;
  // With a stated bound, the budget doubles until the bootstrap error meets it (or the
  // refinements run out, which is reported as a warning by finish()).
  for (let round = 0; ; round++) {
    const plan = planCoalitions(m, budget, rng);
    const ey = evaluateCoalitions(predict, row, bg, groups, active, plan.masks);
    const solve = (weights: Float64Array): Float64Array =>
      solveConstrained(plan.masks, weights, ey, baseValue, delta, m);
    const phi = solve(plan.weights);
    values.fill(0);
    standardErrors.fill(0);
    active.forEach((g, k) => (values[g] = phi[k]));
    let maxError = 0;
    if (!plan.exact && bootstrapRounds > 0 && plan.draws.length > 0) {
      const se = bootstrapErrors(plan, solve, m, bootstrapRounds, rng);
      active.forEach((g, k) => (standardErrors[g] = se[k]));
      maxError = Math.max(...se);
    }
    const bound = options.maxSamplingError;
    if (plan.exact || bound === undefined || maxError <= bound || round >= maxRefinements) {
      return finish(plan.exact, plan.masks.length / m, []);
    }
    budget *= 2;
  }
}

/** Bootstrap over the random draws (enumerated coalitions stay fixed): std of each φ. */
function bootstrapErrors(
  plan: CoalitionPlan,
  solve: (weights: Float64Array) => Float64Array,
  m: number,
  rounds: number,
  rng: Rng,
): Float64Array {
  const sum = new Float64Array(m);
  const sumSq = new Float64Array(m);
  const weights = new Float64Array(plan.weights.length);
  const counts = new Float64Array(plan.weights.length);
  for (let r = 0; r < rounds; r++) {
    counts.fill(0);
    for (let d = 0; d < plan.draws.length; d++) {
      const [a, c] = plan.draws[rng.nextInt(plan.draws.length)];
      counts[a]++;
      if (c >= 0) counts[c]++;
    }
    let total = 0;
    for (let k = plan.nFixed; k < counts.length; k++) total += counts[k];
    weights.set(plan.weights.subarray(0, plan.nFixed));
    for (let k = plan.nFixed; k < counts.length; k++) {
      weights[k] = (counts[k] * plan.weightLeft) / total;
    }
    const b = solve(weights);
    for (let k = 0; k < m; k++) {
      sum[k] += b[k];
      sumSq[k] += b[k] * b[k];
    }
  }
  const se = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const mean = sum[k] / rounds;
    se[k] = Math.sqrt(Math.max(0, sumSq[k] / rounds - mean * mean));
  }
  return se;
}

interface CoalitionPlan {
  /** Row-major coalitions × m 0/1 masks. */
  readonly masks: Uint8Array;
  readonly weights: Float64Array;
  /** Coalitions from enumerated sizes come first, with fixed weights. */
  readonly nFixed: number;
  /** Kernel weight mass of the sampled sizes. */
  readonly weightLeft: number;
  /** Each random draw: [coalition, complement or −1], for the bootstrap. */
  readonly draws: [number, number][];
  readonly exact: boolean;
}

/** shap's KernelExplainer sampling plan, with our seeded generator. */
function planCoalitions(m: number, budget: number, rng: Rng): CoalitionPlan {
  const maxSamples = m >= 30 ? 2 ** 30 : 2 ** m - 2;
  let samplesLeft = Math.min(budget, maxSamples);
  const nSizes = Math.ceil((m - 1) / 2);
  const nPaired = Math.floor((m - 1) / 2);
  const weightVector = new Float64Array(nSizes);
  for (let s = 1; s <= nSizes; s++) {
    weightVector[s - 1] = ((m - 1) / (s * (m - s))) * (s <= nPaired ? 2 : 1);
  }
  const wvSum = weightVector.reduce((a, b) => a + b, 0);
  for (let k = 0; k < nSizes; k++) weightVector[k] /= wvSum;

  const masks: number[] = [];
  const weights: number[] = [];
  const add = (mask: Uint8Array, w: number): number => {
    for (let k = 0; k < m; k++) masks.push(mask[k]);
    weights.push(w);
    return weights.length - 1;
  };
  const remaining = Float64Array.from(weightVector);
  let nFull = 0;
  const mask = new Uint8Array(m);
  for (let s = 1; s <= nSizes; s++) {
    const paired = s <= nPaired;
    const nSubsets = binomial(m, s) * (paired ? 2 : 1);
    if ((samplesLeft * remaining[s - 1]) / nSubsets < 1 - 1e-8) break;
    nFull++;
    samplesLeft -= nSubsets;
    if (remaining[s - 1] < 1) {
      const r = 1 - remaining[s - 1];
      for (let k = 0; k < nSizes; k++) remaining[k] /= r;
    }
    const w = weightVector[s - 1] / binomial(m, s) / (paired ? 2 : 1);
    forEachCombination(m, s, (idx) => {
      mask.fill(0);
      for (const i of idx) mask[i] = 1;
      add(mask, w);
      if (paired) {
        for (let k = 0; k < m; k++) mask[k] = 1 - mask[k];
        add(mask, w);
      }
    });
  }
  const nFixed = weights.length;
  const draws: [number, number][] = [];
  let weightLeft = 0;
  const exact = nFull === nSizes;
  if (!exact) {
    for (let k = nFull; k < nSizes; k++) weightLeft += weightVector[k];
    const sizeWeights = new Float64Array(nSizes - nFull);
    for (let k = nFull; k < nSizes; k++) {
      sizeWeights[k - nFull] = weightVector[k] / (k < nPaired ? 2 : 1);
    }
    const swSum = sizeWeights.reduce((a, b) => a + b, 0);
    const used = new Map<string, number>();
    const perm = new Uint32Array(m);
    let maxDraws = 4 * samplesLeft;
    while (samplesLeft > 0 && maxDraws-- > 0) {
      let u = rng.next() * swSum;
      let k = 0;
      while (k < sizeWeights.length - 1 && u >= sizeWeights[k]) u -= sizeWeights[k++];
      const size = k + nFull + 1;
      for (let i = 0; i < m; i++) perm[i] = i;
      mask.fill(0);
      // Partial Fisher–Yates: the first `size` positions are a uniform random subset.
      for (let i = 0; i < size; i++) {
        const j = i + rng.nextInt(m - i);
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        mask[perm[i]] = 1;
      }
      const key = mask.join('');
      let index = used.get(key);
      const isNew = index === undefined;
      if (index === undefined) {
        index = add(mask, 1);
        used.set(key, index);
        samplesLeft--;
      } else {
        weights[index] += 1;
      }
      let complement = -1;
      if (samplesLeft > 0 && size <= nPaired) {
        if (isNew) {
          for (let q = 0; q < m; q++) mask[q] = 1 - mask[q];
          complement = add(mask, 1);
          samplesLeft--;
        } else {
          complement = index + 1;
          weights[complement] += 1;
        }
      }
      draws.push([index, complement]);
    }
    let sampled = 0;
    for (let k = nFixed; k < weights.length; k++) sampled += weights[k];
    for (let k = nFixed; k < weights.length; k++) weights[k] *= weightLeft / sampled;
  }
  return {
    masks: Uint8Array.from(masks),
    weights: Float64Array.from(weights),
    nFixed,
    weightLeft,
    draws,
    exact,
  };
}

/** E_b[f(x_S, b_S̄)] for every coalition, batching the model calls. */
function evaluateCoalitions(
  predict: (X: Matrix) => Float64Array,
  row: Float64Array,
  bg: ReturnType<typeof toWeightedBackground>,
  groups: readonly (readonly number[])[],
  active: readonly number[],
  masks: Uint8Array,
): Float64Array {
  const m = active.length;
  const p = row.length;
  const nB = bg.data.rows;
  const nCoalitions = masks.length / m;
  const ey = new Float64Array(nCoalitions);
  const perBatch = Math.max(1, Math.floor(65536 / nB));
  for (let start = 0; start < nCoalitions; start += perBatch) {
    const end = Math.min(nCoalitions, start + perBatch);
    const X = createMatrix((end - start) * nB, p);
    for (let c = start; c < end; c++) {
      const base = (c - start) * nB * p;
      X.data.set(bg.data.data, base);
      for (let k = 0; k < m; k++) {
        if (masks[c * m + k] === 0) continue;
        for (const col of groups[active[k]]) {
          for (let b = 0; b < nB; b++) X.data[base + b * p + col] = row[col];
        }
      }
    }
    const y = predict(X);
    for (let c = start; c < end; c++) {
      let s = 0;
      for (let b = 0; b < nB; b++) s += bg.weights[b] * y[(c - start) * nB + b];
      ey[c] = s;
    }
  }
  return ey;
}

/**
 * Weighted least squares of (ey − base) on the masks subject to Σφ = delta, by eliminating the
 * last player: φ_last = delta − Σ_{k<last} φ_k (shap's `solve`).
 */
function solveConstrained(
  masks: Uint8Array,
  weights: Float64Array,
  ey: Float64Array,
  base: number,
  delta: number,
  m: number,
): Float64Array {
  const q = m - 1;
  const A = new Float64Array(q * q);
  const rhs = new Float64Array(q);
  const e = new Float64Array(q);
  for (let c = 0; c < weights.length; c++) {
    const w = weights[c];
    if (w === 0) continue;
    const last = masks[c * m + q];
    const y = ey[c] - base - last * delta;
    for (let k = 0; k < q; k++) e[k] = masks[c * m + k] - last;
    for (let a = 0; a < q; a++) {
      if (e[a] === 0) continue;
      const wa = w * e[a];
      rhs[a] += wa * y;
      for (let b = 0; b < q; b++) A[a * q + b] += wa * e[b];
    }
  }
  const head = solveSymmetric(A, rhs, q);
  const phi = new Float64Array(m);
  let sum = 0;
  for (let k = 0; k < q; k++) {
    phi[k] = head[k];
    sum += head[k];
  }
  phi[q] = delta - sum;
  return phi;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

function forEachCombination(n: number, k: number, visit: (idx: Int32Array) => void): void {
  const idx = new Int32Array(k);
  for (let i = 0; i < k; i++) idx[i] = i;
  for (;;) {
    visit(idx);
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}
