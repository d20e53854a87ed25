/**
 * Automatic number of clusters over a range (default k = 2..10, capped at n/2 as the original):
 * the k with the highest silhouette wins, ties going to the smaller k. Alongside, per k: k-means
 * inertia with its elbow (knee of the inertia curve, `findKnee`) and the BIC of a Gaussian mixture;
 * when the elbow or the lowest BIC picks another k, `disagreement` says so in plain words.
 * Cost: one k-means (nInit restarts) and one Gaussian mixture per k, plus a silhouette that is exact up
 * to `silhouetteSampleSize` rows and sampled (seeded) above. The mixture is fitted on a seeded
 * subsample of `bicSampleSize` rows for large tables, and its BIC is reported on that subsample.
 * With `searchSampleSize`, the whole search runs on a seeded subsample and only the chosen k is fitted
 * on every row (for million-row tables: one full fit instead of nine).
 * Reference: the original `_optimal_k_silhouette`; Rousseeuw (1987); Schwarz (1978).
 */
import { EngineError } from '../core/engine-error.js';
import { selectRows, type Matrix } from '../core/matrix.js';
import { createRng, shuffledIndices } from '../core/random.js';
import { findKnee } from './find-knee.js';
import { fitKMeansParallel, type KMeansParallelOptions } from './fit-kmeans-parallel.js';
import { fitGaussianMixture, type CovarianceType } from './gaussian-mixture.js';
import {
  assertClusterInput,
  checkIntegerOption,
  fitKMeans,
  stripUndefined,
  type KMeansModel,
} from './kmeans.js';
import { silhouetteScore } from './silhouette-score.js';

export interface ChooseKOptions {
  kMin?: number;
  kMax?: number;
  seed?: number;
  /** k-means restarts per candidate (default 10, as the original). */
  nInit?: number;
  maxIterations?: number;
  /** Above this many rows the silhouette is computed on a seeded sample of this size (default 10,000). */
  silhouetteSampleSize?: number;
  /** Compute the Gaussian-mixture BIC per k (default true). */
  bic?: boolean;
  /** Rows the mixture is fitted on at most (seeded subsample; default 20,000). */
  bicSampleSize?: number;
  covarianceType?: CovarianceType;
  /**
   * Search k on a seeded subsample of this many rows when the table is larger (default: all rows);
   * the model for the chosen k is then fitted on every row. Inertia and BIC are then per subsample.
   */
  searchSampleSize?: number;
}

export const CHOOSE_K_DEFAULTS = Object.freeze({
  kMin: 2,
  kMax: 10,
  seed: 42,
  nInit: 10,
  maxIterations: 300,
  silhouetteSampleSize: 10_000,
  bic: true,
  bicSampleSize: 20_000,
  covarianceType: 'full' as CovarianceType,
});

export interface KCandidate {
  k: number;
  /** Mean silhouette (NaN when the fit produced fewer than 2 distinct labels; then skipped). */
  silhouette: number;
  inertia: number;
  bic?: number;
}

export interface ChooseKResult {
  /** The chosen k (highest silhouette, ties to the smaller k). */
  bestK: number;
  candidates: KCandidate[];
  /** Knee of the inertia curve. */
  elbowK: number;
  /** Lowest BIC (when computed). */
  bicK?: number;
  /** Plain-language note when the elbow or BIC prefers another k. */
  disagreement?: string;
  /** Whether the silhouette was computed on a sample. */
  silhouetteSampled: boolean;
  /** Rows the search ran on (all rows unless searchSampleSize applied). */
  searchedRows: number;
  /** The k-means model fitted for bestK (reuse it instead of refitting). */
  model?: KMeansModel;
  warnings: string[];
}

/** A k-means fit the search needs: the driver answers with the fitted model. */
interface FitRequest {
  X: Matrix;
  k: number;
  nInit: number;
  maxIterations: number;
  seed: number;
}

/**
 * The search as a generator that yields each k-means fit it needs, so one body serves the
 * single-thread (`chooseK`) and the worker-thread (`chooseKParallel`) drivers.
 */
function* chooseKSteps(
  full: Matrix,
  options: ChooseKOptions,
): Generator<FitRequest, ChooseKResult, KMeansModel> {
  assertClusterInput(full);
  const o = { ...CHOOSE_K_DEFAULTS, ...stripUndefined(options) };
  if (o.searchSampleSize !== undefined) checkIntegerOption('searchSampleSize', o.searchSampleSize, 4);
  const subsample = o.searchSampleSize !== undefined && full.rows > o.searchSampleSize;
  // a different stream from the BIC subsample's, so the two samples are independent
  const X = subsample
    ? selectRows(
        full,
        shuffledIndices(full.rows, createRng(o.seed ^ 0x2545f491)).subarray(0, o.searchSampleSize),
      )
    : full;
  checkIntegerOption('kMin', o.kMin, 2);
  checkIntegerOption('kMax', o.kMax, o.kMin);
  checkIntegerOption('silhouetteSampleSize', o.silhouetteSampleSize, 2);
  checkIntegerOption('bicSampleSize', o.bicSampleSize, 2);
  const n = X.rows;
  const kHigh = Math.min(o.kMax, Math.floor(n / 2));
  const warnings: string[] = [];
  if (kHigh < o.kMin) {
    if (n < 2) throw new EngineError('EMPTY_INPUT', 'choosing k needs at least 2 rows');
    warnings.push(
      `too few rows (${n}) to compare k=${o.kMin}..${o.kMax}; using k=${o.kMin > n ? n : o.kMin}`,
    );
    const k = Math.min(o.kMin, n);
    return { bestK: k, candidates: [], elbowK: k, silhouetteSampled: false, searchedRows: n, warnings };
  }
  const sampled = n > o.silhouetteSampleSize;
  const bicX =
    o.bic && n > o.bicSampleSize
      ? selectRows(X, shuffledIndices(n, createRng(o.seed)).subarray(0, o.bicSampleSize))
      : X;
  const candidates: KCandidate[] = [];
  let best: { k: number; s: number; model: KMeansModel } | undefined;
  for (let k = o.kMin; k <= kHigh; k++) {
    const model: KMeansModel = yield { X, k, nInit: o.nInit, maxIterations: o.maxIterations, seed: o.seed };
    const distinct = new Set(model.labels).size;
    let s = NaN;
    if (distinct >= 2 && distinct <= n - 1) {
      s = silhouetteScore(
        X,
        model.labels,
        sampled ? { sampleSize: o.silhouetteSampleSize, seed: o.seed } : {},
      );
    } else warnings.push(`k=${k} produced ${distinct} distinct label(s); skipped`);
    const candidate: KCandidate = { k, silhouette: s, inertia: model.inertia };
    if (o.bic && k <= bicX.rows) {
      candidate.bic = fitGaussianMixture(bicX, {
        nClusters: k,
        covarianceType: o.covarianceType,
        seed: o.seed,
      }).bic;
    }
    candidates.push(candidate);
    if (!Number.isNaN(s) && (!best || s > best.s)) best = { k, s, model };
  }
  const bestK = best?.k ?? o.kMin;
  const elbowIdx =
    candidates.length >= 3
      ? findKnee(
          candidates.map((c) => c.inertia),
          candidates.map((c) => c.k),
        )
      : -1;
  const elbowK = elbowIdx > 0 ? candidates[elbowIdx].k : bestK;
  let bicK: number | undefined;
  if (o.bic) {
    let low = Infinity;
    for (const c of candidates) {
      if (c.bic !== undefined && c.bic < low) {
        low = c.bic;
        bicK = c.k;
      }
    }
  }
  const notes: string[] = [];
  if (elbowK !== bestK) notes.push(`the inertia elbow suggests k=${elbowK}`);
  if (bicK !== undefined && bicK !== bestK) notes.push(`the Gaussian-mixture BIC is lowest at k=${bicK}`);
  const disagreement =
    notes.length > 0 ? `Silhouette picks k=${bestK}, but ${notes.join(' and ')}.` : undefined;
  let model = best?.model;
  if (subsample && best) {
    model = yield { X: full, k: bestK, nInit: o.nInit, maxIterations: o.maxIterations, seed: o.seed };
  }
  return {
    bestK,
    candidates,
    elbowK,
    bicK,
    disagreement,
    silhouetteSampled: sampled || subsample,
    searchedRows: n,
    model,
    warnings,
  };
}

/** Picks the number of clusters by silhouette; reports the elbow and BIC views too. */
export function chooseK(X: Matrix, options: ChooseKOptions = {}): ChooseKResult {
  const steps = chooseKSteps(X, options);
  let step = steps.next();
  while (!step.done) {
    const r = step.value;
    step = steps.next(
      fitKMeans(r.X, { nClusters: r.k, nInit: r.nInit, maxIterations: r.maxIterations, seed: r.seed }),
    );
  }
  return step.value;
}

/** `chooseK` with each k-means fit spread over worker threads (`fitKMeansParallel`); same result. */
export async function chooseKParallel(
  X: Matrix,
  options: ChooseKOptions & Pick<KMeansParallelOptions, 'threads' | 'parallelMinRows'> = {},
): Promise<ChooseKResult> {
  const { threads, parallelMinRows, ...rest } = options;
  const steps = chooseKSteps(X, rest);
  let step = steps.next();
  while (!step.done) {
    const r = step.value;
    const model = await fitKMeansParallel(r.X, {
      nClusters: r.k,
      nInit: r.nInit,
      maxIterations: r.maxIterations,
      seed: r.seed,
      threads,
      parallelMinRows,
    });
    step = steps.next(model);
  }
  return step.value;
}
