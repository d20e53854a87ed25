/**
 * Mini-batch k-means for tables too large to hold: rows arrive as a stream of batches (Matrix), memory
 * stays at O(k·d + initSize·d) whatever the table size. Each batch moves every centre to the running
 * mean of the rows it has won so far (per-centre learning rate 1/count), as scikit-learn's
 * `MiniBatchKMeans` with unit weights; rarely-won centres are re-seeded on batch rows every 10 steps
 * (reassignmentRatio). Stops early when the smoothed batch inertia has not improved for
 * `maxNoImprovement` batches, or when the centre shift falls under `tolerance` (relative to the mean
 * feature variance of the init sample; 0 disables it, as scikit-learn's default).
 * `fitMiniBatchKMeans(factory)` reads the stream once to reservoir-sample the init rows, then makes up
 * to `maxPasses` passes, then (optionally) one pass for the inertia; with a plain iterable it can only
 * make one pass and seeds from the first rows. `createMiniBatchKMeans().partialFit(batch)` is the
 * incremental form (seeds from the first batch, as scikit-learn's partial_fit).
 * Reference: Sculley, "Web-scale k-means clustering" (WWW 2010); scikit-learn `MiniBatchKMeans`.
 */
import { EngineError } from '../core/engine-error.js';
import type { Matrix } from '../core/matrix.js';
import { createRng, type Rng } from '../core/random.js';
import { encodeFloats } from '../core/serialized-model.js';
import { absoluteTolerance, assignNearest, createScratch, inertiaOf, kmeansPlusPlus } from './kmeans-core.js';
import {
  assertClusterInput,
  checkIntegerOption,
  createKMeansModel,
  stripUndefined,
  type KMeansModel,
} from './kmeans.js';

export interface MiniBatchKMeansOptions {
  nClusters?: number;
  /** Rows sampled for k-means++ seeding (default 3 × 1024, at least 3k). */
  initSize?: number;
  /** Seedings tried on the init sample; the lowest inertia there wins (default 3). */
  nInit?: number;
  /** Passes over the data when a factory is given (default 10). */
  maxPasses?: number;
  /** Relative centre-shift tolerance per batch (default 0: off). */
  tolerance?: number;
  /** Stop after this many batches without improvement of the smoothed batch inertia (default 10; 0: off). */
  maxNoImprovement?: number;
  /** Re-seed centres that won fewer than this share of the busiest centre's rows (default 0.01). */
  reassignmentRatio?: number;
  /** Compute the final inertia with one more pass (default true; factory only). */
  computeInertia?: boolean;
  seed?: number;
}

export const MINI_BATCH_KMEANS_DEFAULTS = Object.freeze({
  nClusters: 8,
  initSize: 3 * 1024,
  nInit: 3,
  maxPasses: 10,
  tolerance: 0,
  maxNoImprovement: 10,
  reassignmentRatio: 0.01,
  computeInertia: true,
  seed: 42,
});

type Resolved = Required<MiniBatchKMeansOptions>;

/** Batches of rows: an iterable (one pass) or a factory giving a fresh iterable per pass. */
export type MatrixBatches = Iterable<Matrix> | (() => Iterable<Matrix>);

/** Incremental mini-batch k-means. */
export interface MiniBatchKMeans {
  /** Updates the centres with one batch (seeds them from this batch on the first call). */
  partialFit(batch: Matrix): void;
  /** Batches processed so far. */
  readonly steps: number;
  /** Current centres (k×d), undefined before the first batch. */
  readonly centers: Matrix | undefined;
  /** A model of the current centres. */
  toModel(): KMeansModel;
}

function resolve(options: MiniBatchKMeansOptions): Resolved {
  const o = { ...MINI_BATCH_KMEANS_DEFAULTS, ...stripUndefined(options) };
  checkIntegerOption('nClusters', o.nClusters, 1);
  checkIntegerOption('initSize', o.initSize, 1);
  checkIntegerOption('nInit', o.nInit, 1);
  checkIntegerOption('maxPasses', o.maxPasses, 1);
  checkIntegerOption('maxNoImprovement', o.maxNoImprovement, 0);
  if (!(o.tolerance >= 0)) throw new EngineError('INVALID_OPTION', 'tolerance must be ≥ 0');
  if (!(o.reassignmentRatio >= 0)) throw new EngineError('INVALID_OPTION', 'reassignmentRatio must be ≥ 0');
  return { ...o, initSize: Math.max(o.initSize, 3 * o.nClusters) };
}

/** The state machine both entry points share. */
class MiniBatchState {
  centers: Float64Array | undefined;
  counts: Float64Array;
  d = 0;
  steps = 0;
  tolAbs = 0;
  ewa: number | undefined;
  bestEwa = Infinity;
  noImprovement = 0;
  stopped = false;
  lastShift = Infinity;
  private labels = new Int32Array(0);
  private readonly rng: Rng;

  constructor(private readonly o: Resolved) {
    this.counts = new Float64Array(o.nClusters);
    this.rng = createRng(o.seed);
  }

  /** k-means++ on the init sample, nInit tries, lowest inertia on the sample wins. */
  seed(sample: Float64Array, rows: number, d: number): void {
    const k = this.o.nClusters;
    if (rows < k)
      throw new EngineError('INVALID_OPTION', `nClusters=${k} exceeds the ${rows} rows available to seed`);
    this.d = d;
    const scratch = createScratch(rows);
    const labels = new Int32Array(rows);
    let best = Infinity;
    for (let t = 0; t < this.o.nInit; t++) {
      const c = kmeansPlusPlus(sample, rows, d, k, this.rng.nextSeed(), scratch);
      const inertia = assignNearest(sample, rows, d, c, k, labels);
      if (inertia < best) {
        best = inertia;
        this.centers = c;
      }
    }
    this.tolAbs = absoluteTolerance(sample, rows, d, this.o.tolerance);
  }

  step(batch: Matrix, expectedRows: number): void {
    const k = this.o.nClusters;
    const d = this.d;
    const centers = this.centers!;
    const b = batch.rows;
    if (this.labels.length < b) this.labels = new Int32Array(b);
    const labels = this.labels;
    const inertia = assignNearest(batch.data, b, d, centers, k, labels);
    const sums = new Float64Array(k * d);
    const batchCounts = new Float64Array(k);
    for (let i = 0; i < b; i++) {
      const c = labels[i];
      batchCounts[c]++;
      for (let j = 0; j < d; j++) sums[c * d + j] += batch.data[i * d + j];
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      if (batchCounts[c] === 0) continue;
      const w = this.counts[c] + batchCounts[c];
      for (let j = 0; j < d; j++) {
        const old = centers[c * d + j];
        const v = (old * this.counts[c] + sums[c * d + j]) / w;
        centers[c * d + j] = v;
        shift += (v - old) ** 2;
      }
      this.counts[c] = w;
    }
    this.steps++;
    if (this.o.reassignmentRatio > 0 && this.steps % 10 === 0) this.reassign(batch);
    // early stopping on the smoothed per-row batch inertia (scikit-learn's EWA rule)
    const perRow = inertia / b;
    const alpha = Math.min(1, (2 * b) / (Math.max(expectedRows, b) + 1));
    this.ewa = this.ewa === undefined ? perRow : this.ewa * (1 - alpha) + perRow * alpha;
    if (this.ewa < this.bestEwa) {
      this.bestEwa = this.ewa;
      this.noImprovement = 0;
    } else this.noImprovement++;
    this.lastShift = shift;
    if (this.o.maxNoImprovement > 0 && this.noImprovement >= this.o.maxNoImprovement) this.stopped = true;
    if (this.o.tolerance > 0 && shift <= this.tolAbs) this.stopped = true;
  }

  private reassign(batch: Matrix): void {
    const k = this.o.nClusters;
    const d = this.d;
    let max = 0;
    for (let c = 0; c < k; c++) if (this.counts[c] > max) max = this.counts[c];
    const low: number[] = [];
    for (let c = 0; c < k; c++) if (this.counts[c] < this.o.reassignmentRatio * max) low.push(c);
    if (low.length === 0 || low.length === k) return;
    let minKept = Infinity;
    for (let c = 0; c < k; c++) if (!low.includes(c) && this.counts[c] < minKept) minKept = this.counts[c];
    for (const c of low.slice(0, Math.floor(k / 2) || 1)) {
      const r = this.rng.nextInt(batch.rows);
      this.centers!.set(batch.data.subarray(r * d, r * d + d), c * d);
      this.counts[c] = minKept;
    }
  }
}

function checkBatch(batch: Matrix, d: number | undefined): void {
  assertClusterInput(batch, 'batch');
  if (d !== undefined && d > 0 && batch.cols !== d) {
    throw new EngineError('INVALID_SHAPE', `batch has ${batch.cols} columns, expected ${d}`);
  }
}

/** Incremental form: call partialFit per batch, then toModel(). */
export function createMiniBatchKMeans(options: MiniBatchKMeansOptions = {}): MiniBatchKMeans {
  const o = resolve(options);
  const state = new MiniBatchState(o);
  return {
    partialFit(batch) {
      checkBatch(batch, state.d || undefined);
      if (!state.centers) state.seed(batch.data, batch.rows, batch.cols);
      state.step(batch, batch.rows * 10);
    },
    get steps() {
      return state.steps;
    },
    get centers() {
      return state.centers
        ? { data: Float64Array.from(state.centers), rows: o.nClusters, cols: state.d }
        : undefined;
    },
    toModel() {
      if (!state.centers) throw new EngineError('EMPTY_INPUT', 'partialFit has not seen any batch yet');
      return toModel(state, o, NaN, state.steps, state.stopped);
    },
  };
}

function toModel(
  state: MiniBatchState,
  o: Resolved,
  inertia: number,
  iterations: number,
  converged: boolean,
): KMeansModel {
  const warnings: string[] = [];
  if (!converged)
    warnings.push(
      `mini-batch k-means stopped after ${iterations} pass(es) without meeting its stopping rule`,
    );
  return createKMeansModel(
    {
      nClusters: o.nClusters,
      nFeatures: state.d,
      centers: encodeFloats(state.centers!),
      inertia,
      iterations,
      converged,
      warnings,
    },
    new Int32Array(0),
  );
}

/**
 * Fits mini-batch k-means on a stream of batches. The model's `iterations` counts passes, its
 * `labels` are empty (rows are not kept), and `inertia` is over all rows (NaN when not computed).
 */
export function fitMiniBatchKMeans(
  batches: MatrixBatches,
  options: MiniBatchKMeansOptions = {},
): KMeansModel {
  const o = resolve(options);
  const state = new MiniBatchState(o);
  const factory = typeof batches === 'function' ? batches : undefined;
  const sampleRng = createRng(o.seed ^ 0x5bd1e995);
  let d: number | undefined;
  if (factory) {
    // pass 0: reservoir sample of initSize rows (Vitter's algorithm R), bounded memory
    let sample = new Float64Array(0);
    let seen = 0;
    for (const batch of factory()) {
      checkBatch(batch, d);
      if (d === undefined) {
        d = batch.cols;
        sample = new Float64Array(o.initSize * d);
      }
      for (let i = 0; i < batch.rows; i++, seen++) {
        const slot = seen < o.initSize ? seen : sampleRng.nextInt(seen + 1);
        if (slot < o.initSize) sample.set(batch.data.subarray(i * d, i * d + d), slot * d);
      }
    }
    if (d === undefined || seen === 0) throw new EngineError('EMPTY_INPUT', 'the batch stream is empty');
    const rowsPerPass = seen;
    const rows = Math.min(seen, o.initSize);
    state.seed(sample.subarray(0, rows * d), rows, d);
    let passes: number;
    for (passes = 1; passes <= o.maxPasses && !state.stopped; passes++) {
      for (const batch of factory()) {
        checkBatch(batch, d);
        state.step(batch, rowsPerPass);
        if (state.stopped) break;
      }
    }
    passes--;
    let inertia = NaN;
    if (o.computeInertia) {
      inertia = 0;
      let labels = new Int32Array(0);
      for (const batch of factory()) {
        checkBatch(batch, d);
        if (labels.length < batch.rows) labels = new Int32Array(batch.rows);
        assignNearest(batch.data, batch.rows, d, state.centers!, o.nClusters, labels);
        inertia += inertiaOf(batch.data, batch.rows, d, state.centers!, labels);
      }
    }
    return toModel(state, o, inertia, passes, state.stopped);
  }
  // one pass only: seed from the first rows (up to initSize), then update
  const pending: Matrix[] = [];
  let buffered = 0;
  const flushSeed = (): void => {
    const data = new Float64Array(buffered * d!);
    let off = 0;
    for (const m of pending) {
      data.set(m.data, off);
      off += m.data.length;
    }
    state.seed(data, buffered, d!);
    for (const m of pending) state.step(m, buffered * 10);
    pending.length = 0;
  };
  for (const batch of batches as Iterable<Matrix>) {
    checkBatch(batch, d);
    d ??= batch.cols;
    if (!state.centers) {
      pending.push(batch);
      buffered += batch.rows;
      if (buffered >= o.initSize) flushSeed();
      continue;
    }
    state.step(batch, Math.max(buffered * 10, batch.rows));
    if (state.stopped) break;
  }
  if (!state.centers) {
    if (buffered === 0) throw new EngineError('EMPTY_INPUT', 'the batch stream is empty');
    flushSeed();
  }
  return toModel(state, o, NaN, 1, state.stopped);
}
