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
  indices: number[];
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
const best = runRestarts(data, w.n, w.d, w.k, w.seeds, w.indices, w.maxIterations, w.tolAbs)!;
const result: KMeansWorkerResult = { index: best.index, ...best.run };
parentPort!.postMessage(result, [best.run.labels.buffer as ArrayBuffer]);
