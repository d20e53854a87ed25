/**
 * Worker-thread entry for `fitKMeansParallel`: runs its share of the k-means restarts on the shared
 * data buffer and posts back the best run (labels transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { tsWorkerPayload } from '../parallel/spawn-ts-worker.js';
import { runRestarts } from './kmeans.js';

export interface KMeansWorkerData {
  buffer: SharedArrayBuffer;
  byteOffset: number;
  n: number;
  d: number;
  k: number;
  seeds: number[];
  /** Shared restart counter (Int32Array over a SharedArrayBuffer). */
  counter: SharedArrayBuffer;
  maxIterations: number;
  tolAbs: number;
}

export interface KMeansWorkerResult {
  index: number;
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

const w = tsWorkerPayload<KMeansWorkerData>();
const data = new Float64Array(w.buffer, w.byteOffset, w.n * w.d);
const best = runRestarts(data, w.n, w.d, w.k, w.seeds, new Int32Array(w.counter), w.maxIterations, w.tolAbs);
// null when the other threads had already claimed every restart
const result: KMeansWorkerResult | null = best ? { index: best.index, ...best.run } : null;
parentPort!.postMessage(result, best ? [best.run.labels.buffer as ArrayBuffer] : []);
