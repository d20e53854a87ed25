/**
 * Gaussian mixture fitted by expectation–maximisation, full or diagonal covariances.
 * Input: X n×d finite, n ≥ nClusters. Cost per EM iteration O(n·k·d²) (full) or O(n·k·d) (diag);
 * memory O(n·k) for the responsibilities. Initialised from k-means labels (one k-means restart per
 * EM start, as scikit-learn's init_params='kmeans'); the start with the highest lower bound wins.
 * Reference: scikit-learn `GaussianMixture` (reg_covar on the diagonal, tol on the change of the mean
 * log-likelihood, BIC = −2·n·score + p·ln n, AIC = −2·n·score + 2p), Bishop PRML §9.2.
 */
import { EngineError } from '../core/engine-error.js';
import type { Matrix } from '../core/matrix.js';
import {
  decodeFloats,
  encodeFloats,
  expectSerialized,
  type SerializedModel,
} from '../core/serialized-model.js';
import { assertClusterInput, checkIntegerOption, fitKMeans, restartSeeds, stripUndefined } from './kmeans.js';

export type CovarianceType = 'full' | 'diag';

export interface GaussianMixtureOptions {
  /** Number of components (default 1, as scikit-learn). */
  nClusters?: number;
  covarianceType?: CovarianceType;
  /** Added to the covariance diagonal (scikit-learn reg_covar, default 1e-6). */
  regularization?: number;
  /** Stop when the mean log-likelihood changes by less than this (default 1e-3). */
  tolerance?: number;
  /** EM iterations per start (default 100). */
  maxIterations?: number;
  /** EM starts; the best lower bound wins (default 1). */
  nInit?: number;
  seed?: number;
}

export const GAUSSIAN_MIXTURE_DEFAULTS = Object.freeze({
  nClusters: 1,
  covarianceType: 'full' as CovarianceType,
  regularization: 1e-6,
  tolerance: 1e-3,
  maxIterations: 100,
  nInit: 1,
  seed: 42,
});

export interface GaussianMixtureParams {
  nClusters: number;
  nFeatures: number;
  covarianceType: CovarianceType;
  weights: number[];
  /** k×d row-major. */
  means: number[];
  /** full: k×d×d; diag: k×d. */
  covariances: number[];
  converged: boolean;
  iterations: number;
  /** Mean log-likelihood per training row (scikit-learn `score`). */
  logLikelihood: number;
  bic: number;
  aic: number;
  warnings: string[];
}

/** A fitted Gaussian mixture. */
export interface GaussianMixtureModel {
  readonly kind: 'gaussian-mixture';
  readonly nClusters: number;
  readonly nFeatures: number;
  readonly covarianceType: CovarianceType;
  readonly weights: Float64Array;
  readonly means: Matrix;
  readonly covariances: Float64Array;
  /** Training labels (most probable component; empty for a model rebuilt from JSON). */
  readonly labels: Int32Array;
  readonly converged: boolean;
  readonly iterations: number;
  /** Mean log-likelihood per training row. */
  readonly logLikelihood: number;
  readonly bic: number;
  readonly aic: number;
  readonly warnings: readonly string[];
  predict(X: Matrix): Int32Array;
  /** n×k responsibilities; each row sums to 1. */
  predictProba(X: Matrix): Matrix;
  /** Per-row log density log p(x). */
  scoreSamples(X: Matrix): Float64Array;
  toJSON(): SerializedModel<'gaussian-mixture', GaussianMixtureParams>;
}

const LOG_2PI = Math.log(2 * Math.PI);
const EPS = 2.220446049250313e-16;

/** Number of free parameters (scikit-learn `_n_parameters`). */
export function gaussianMixtureParameterCount(k: number, d: number, type: CovarianceType): number {
  const cov = type === 'full' ? (k * d * (d + 1)) / 2 : k * d;
  return cov + k * d + k - 1;
}

/** Precomputed per-component terms for log densities. */
interface Components {
  k: number;
  d: number;
  type: CovarianceType;
  logWeights: Float64Array;
  means: Float64Array;
  /** full: lower Cholesky factors k×d×d; diag: variances k×d. */
  factor: Float64Array;
  /** log det of the precision (−½ log det Σ). */
  logDetPrec: Float64Array;
}

function prepare(
  weights: Float64Array,
  means: Float64Array,
  cov: Float64Array,
  k: number,
  d: number,
  type: CovarianceType,
): Components {
  const logWeights = Float64Array.from(weights, Math.log);
  const logDetPrec = new Float64Array(k);
  let factor: Float64Array;
  if (type === 'diag') {
    factor = cov;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += Math.log(cov[c * d + j]);
      logDetPrec[c] = -0.5 * s;
    }
  } else {
    factor = new Float64Array(k * d * d);
    for (let c = 0; c < k; c++) {
      const off = c * d * d;
      cholesky(cov, off, d, factor);
      let s = 0;
      for (let j = 0; j < d; j++) s += Math.log(factor[off + j * d + j]);
      logDetPrec[c] = -s;
    }
  }
  return { k, d, type, logWeights, means, factor, logDetPrec };
}

/** Lower Cholesky factor of the d×d block at `off`; throws if not positive definite. */
function cholesky(a: Float64Array, off: number, d: number, out: Float64Array): void {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[off + i * d + j];
      for (let t = 0; t < j; t++) s -= out[off + i * d + t] * out[off + j * d + t];
      if (i === j) {
        if (!(s > 0)) {
          throw new EngineError(
            'INVALID_OPTION',
            'a covariance matrix is not positive definite; increase regularization or reduce nClusters',
          );
        }
        out[off + i * d + i] = Math.sqrt(s);
      } else out[off + i * d + j] = s / out[off + j * d + j];
    }
    for (let j = i + 1; j < d; j++) out[off + i * d + j] = 0;
  }
}

/** Weighted log probabilities n×k into `out`; returns Σ log p(x) and writes log-responsibilities in place. */
function eStep(data: Float64Array, n: number, comp: Components, out: Float64Array): number {
  const { k, d, type, logWeights, means, factor, logDetPrec } = comp;
  const z = new Float64Array(d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = i * d;
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      let q = 0;
      if (type === 'diag') {
        for (let j = 0; j < d; j++) {
          const t = data[p + j] - means[c * d + j];
          q += (t * t) / factor[c * d + j];
        }
      } else {
        const off = c * d * d;
        for (let r = 0; r < d; r++) {
          let s = data[p + r] - means[c * d + r];
          for (let t = 0; t < r; t++) s -= factor[off + r * d + t] * z[t];
          const v = s / factor[off + r * d + r];
          z[r] = v;
          q += v * v;
        }
      }
      const lp = -0.5 * (d * LOG_2PI + q) + logDetPrec[c] + logWeights[c];
      out[i * k + c] = lp;
      if (lp > max) max = lp;
    }
    let s = 0;
    for (let c = 0; c < k; c++) s += Math.exp(out[i * k + c] - max);
    const norm = max + Math.log(s);
    total += norm;
    for (let c = 0; c < k; c++) out[i * k + c] -= norm;
  }
  return total;
}

/** M-step from responsibilities (log or linear); weights normalised to 1. */
function mStep(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  resp: Float64Array,
  isLog: boolean,
  type: CovarianceType,
  reg: number,
): { weights: Float64Array; means: Float64Array; cov: Float64Array } {
  const nk = new Float64Array(k);
  const means = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const w = isLog ? Math.exp(resp[i * k + c]) : resp[i * k + c];
      nk[c] += w;
      for (let j = 0; j < d; j++) means[c * d + j] += w * data[i * d + j];
    }
  }
  for (let c = 0; c < k; c++) {
    nk[c] += 10 * EPS;
    for (let j = 0; j < d; j++) means[c * d + j] /= nk[c];
  }
  const cov = new Float64Array(type === 'full' ? k * d * d : k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const w = isLog ? Math.exp(resp[i * k + c]) : resp[i * k + c];
      if (w === 0) continue;
      if (type === 'diag') {
        for (let j = 0; j < d; j++) {
          const t = data[i * d + j] - means[c * d + j];
          cov[c * d + j] += w * t * t;
        }
      } else {
        const off = c * d * d;
        for (let a = 0; a < d; a++) {
          const ta = w * (data[i * d + a] - means[c * d + a]);
          for (let b = 0; b <= a; b++) cov[off + a * d + b] += ta * (data[i * d + b] - means[c * d + b]);
        }
      }
    }
  }
  for (let c = 0; c < k; c++) {
    if (type === 'diag') {
      for (let j = 0; j < d; j++) cov[c * d + j] = cov[c * d + j] / nk[c] + reg;
    } else {
      const off = c * d * d;
      for (let a = 0; a < d; a++) {
        for (let b = 0; b <= a; b++) {
          const v = cov[off + a * d + b] / nk[c];
          cov[off + a * d + b] = v;
          cov[off + b * d + a] = v;
        }
        cov[off + a * d + a] += reg;
      }
    }
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += nk[c];
  const weights = Float64Array.from(nk, (v) => v / sum);
  return { weights, means, cov };
}

function resolveOptions(options: GaussianMixtureOptions, n: number): Required<GaussianMixtureOptions> {
  const o = { ...GAUSSIAN_MIXTURE_DEFAULTS, ...stripUndefined(options) } as Required<GaussianMixtureOptions>;
  checkIntegerOption('nClusters', o.nClusters, 1);
  checkIntegerOption('nInit', o.nInit, 1);
  checkIntegerOption('maxIterations', o.maxIterations, 1);
  if (o.covarianceType !== 'full' && o.covarianceType !== 'diag') {
    throw new EngineError(
      'INVALID_OPTION',
      `covarianceType must be 'full' or 'diag', got ${String(o.covarianceType)}`,
    );
  }
  if (!(o.regularization >= 0)) throw new EngineError('INVALID_OPTION', 'regularization must be ≥ 0');
  if (!(o.tolerance >= 0)) throw new EngineError('INVALID_OPTION', 'tolerance must be ≥ 0');
  if (o.nClusters > n)
    throw new EngineError('INVALID_OPTION', `nClusters=${o.nClusters} exceeds the ${n} rows`);
  return o;
}

/** Fits a Gaussian mixture by EM. */
export function fitGaussianMixture(X: Matrix, options: GaussianMixtureOptions = {}): GaussianMixtureModel {
  assertClusterInput(X);
  const o = resolveOptions(options, X.rows);
  const { rows: n, cols: d, data } = X;
  const k = o.nClusters;
  const seeds = restartSeeds(o.seed, o.nInit);
  const logResp = new Float64Array(n * k);
  let best:
    | { weights: Float64Array; means: Float64Array; cov: Float64Array; lb: number; it: number; conv: boolean }
    | undefined;
  for (let s = 0; s < o.nInit; s++) {
    const km = fitKMeans(X, { nClusters: k, nInit: 1, seed: seeds[s] });
    const resp = new Float64Array(n * k);
    for (let i = 0; i < n; i++) resp[i * k + km.labels[i]] = 1;
    let params = mStep(data, n, d, k, resp, false, o.covarianceType, o.regularization);
    let lb = -Infinity;
    let conv = false;
    let it: number;
    for (it = 1; it <= o.maxIterations; it++) {
      const prev = lb;
      const comp = prepare(params.weights, params.means, params.cov, k, d, o.covarianceType);
      lb = eStep(data, n, comp, logResp) / n;
      params = mStep(data, n, d, k, logResp, true, o.covarianceType, o.regularization);
      if (Math.abs(lb - prev) < o.tolerance) {
        conv = true;
        break;
      }
    }
    if (it > o.maxIterations) it = o.maxIterations;
    if (!best || lb > best.lb) best = { ...params, lb, it, conv };
  }
  const b = best!;
  const comp = prepare(b.weights, b.means, b.cov, k, d, o.covarianceType);
  // final E-step so training labels agree with predict (scikit-learn fit_predict does the same)
  const total = eStep(data, n, comp, logResp);
  const labels = argmaxRows(logResp, n, k);
  const score = total / n;
  const p = gaussianMixtureParameterCount(k, d, o.covarianceType);
  const warnings: string[] = [];
  if (!b.conv)
    warnings.push(
      `EM did not converge within ${o.maxIterations} iterations; try more iterations or regularization`,
    );
  return createModel(
    {
      nClusters: k,
      nFeatures: d,
      covarianceType: o.covarianceType,
      weights: encodeFloats(b.weights),
      means: encodeFloats(b.means),
      covariances: encodeFloats(b.cov),
      converged: b.conv,
      iterations: b.it,
      logLikelihood: score,
      bic: -2 * score * n + p * Math.log(n),
      aic: -2 * score * n + 2 * p,
      warnings,
    },
    labels,
  );
}

function argmaxRows(m: Float64Array, n: number, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let bi = 0;
    for (let c = 1; c < k; c++) if (m[i * k + c] > m[i * k + bi]) bi = c;
    out[i] = bi;
  }
  return out;
}

function createModel(params: GaussianMixtureParams, labels: Int32Array): GaussianMixtureModel {
  const { nClusters: k, nFeatures: d, covarianceType } = params;
  const weights = decodeFloats(params.weights);
  const means = decodeFloats(params.means);
  const covariances = decodeFloats(params.covariances);
  const comp = prepare(weights, means, covariances, k, d, covarianceType);
  const logResp = (X: Matrix): { out: Float64Array } => {
    assertClusterInput(X);
    if (X.cols !== d) throw new EngineError('INVALID_SHAPE', `expected ${d} columns, got ${X.cols}`);
    const out = new Float64Array(X.rows * k);
    eStep(X.data, X.rows, comp, out);
    return { out };
  };
  return {
    kind: 'gaussian-mixture',
    nClusters: k,
    nFeatures: d,
    covarianceType,
    weights,
    means: { data: means, rows: k, cols: d },
    covariances,
    labels,
    converged: params.converged,
    iterations: params.iterations,
    logLikelihood: params.logLikelihood,
    bic: params.bic,
    aic: params.aic,
    warnings: params.warnings,
    predict: (X) => argmaxRows(logResp(X).out, X.rows, k),
    predictProba: (X) => {
      const { out } = logResp(X);
      for (let t = 0; t < out.length; t++) out[t] = Math.exp(out[t]);
      return { data: out, rows: X.rows, cols: k };
    },
    scoreSamples: (X) => {
      assertClusterInput(X);
      if (X.cols !== d) throw new EngineError('INVALID_SHAPE', `expected ${d} columns, got ${X.cols}`);
      const out = new Float64Array(X.rows * k);
      const res = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) res[i] = eStep(X.data.subarray(i * d, i * d + d), 1, comp, out);
      return res;
    },
    toJSON: () => ({
      kind: 'gaussian-mixture',
      version: 1,
      params: { ...params, warnings: [...params.warnings] },
    }),
  };
}

/** Rebuilds a Gaussian mixture from `toJSON()` output (training labels are not serialized). */
export function gaussianMixtureFromJSON(json: unknown): GaussianMixtureModel {
  const s = expectSerialized(json, 'gaussian-mixture', [1]);
  const p = s.params as GaussianMixtureParams;
  const covLen =
    p?.covarianceType === 'full' ? p.nClusters * p.nFeatures * p.nFeatures : p?.nClusters * p?.nFeatures;
  if (
    !Array.isArray(p?.means) ||
    p.means.length !== p.nClusters * p.nFeatures ||
    !Array.isArray(p.covariances) ||
    p.covariances.length !== covLen ||
    !Array.isArray(p.weights) ||
    p.weights.length !== p.nClusters
  ) {
    throw new EngineError('INVALID_SHAPE', 'serialized Gaussian mixture arrays do not match its shape');
  }
  return createModel(p, new Int32Array(0));
}

/** `GaussianMixtureModel.fromJSON(json)`. */
export const GaussianMixtureModel = Object.freeze({ fromJSON: gaussianMixtureFromJSON });
