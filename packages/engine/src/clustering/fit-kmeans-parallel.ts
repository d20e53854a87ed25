/**
 * k-means on both cores: the nInit restarts are split between this thread and worker threads that
 * read the rows from one SharedArrayBuffer (copied once if X is not already shared). Restart seeds
 * and the winner rule (lowest inertia, then lowest restart index) do not depend on the split, so the
 * result equals `fitKMeans` for the same options. Small inputs stay on this thread: starting a
 * worker with tsx costs a few hundred milliseconds.
 */
import type { Matrix } from '../core/matrix.js';
import { runTsWorker } from '../parallel/spawn-ts-worker.js';
import { absoluteTolerance } from './kmeans-core.js';
import {
  assertClusterInput,
  fitKMeans,
  modelFromRun,
  resolveKMeansOptions,
  restartSeeds,
  runRestarts,
  type KMeansModel,
  type KMeansOptions,
} from './kmeans.js';
import type { KMeansWorkerData, KMeansWorkerResult } from './kmeans-worker.js';

export interface KMeansParallelOptions extends KMeansOptions {
  /** Threads in total, this one included (default 2). */
  threads?: number;
  /** Below this many rows everything runs on this thread (default 200,000). */
  parallelMinRows?: number;
  /** Reject when a worker fails instead of running its share on this thread (default false). */
  strictWorkers?: boolean;
}

/** Fits k-means with restarts spread over worker threads; resolves to the same model as `fitKMeans`. */
export async function fitKMeansParallel(
  X: Matrix,
  options: KMeansParallelOptions = {},
): Promise<KMeansModel> {
  const { threads = 2, parallelMinRows = 200_000, strictWorkers = false, ...kmOptions } = options;
  assertClusterInput(X);
  const o = resolveKMeansOptions(kmOptions, X.rows, X.cols);
  const nThreads = Math.min(Math.max(1, Math.floor(threads)), o.nInit);
  if (nThreads <= 1 || X.rows < parallelMinRows || o.initialCenters) return fitKMeans(X, kmOptions);

  const { rows: n, cols: d } = X;
  let shared: Float64Array;
  if (X.data.buffer instanceof SharedArrayBuffer) shared = X.data;
  else {
    shared = new Float64Array(new SharedArrayBuffer(n * d * 8));
    shared.set(X.data);
  }
  const tolAbs = absoluteTolerance(shared, n, d, o.tolerance);
  const seeds = restartSeeds(o.seed, o.nInit);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const data: KMeansWorkerData = {
    buffer: shared.buffer as SharedArrayBuffer,
    byteOffset: shared.byteOffset,
    n,
    d,
    k: o.nClusters,
    seeds,
    counter: counter.buffer as SharedArrayBuffer,
    maxIterations: o.maxIterations,
    tolAbs,
  };
  let workerFailed = false;
  const pending = Array.from({ length: nThreads - 1 }, () =>
    runTsWorker<KMeansWorkerResult | null>(new URL('./kmeans-worker.ts', import.meta.url), data).catch(
      (err: unknown) => {
        if (strictWorkers) throw err;
        workerFailed = true;
        return null;
      },
    ),
  );
  const doneHere = new Set<number>();
  const mine = runRestarts(
    shared,
    n,
    d,
    o.nClusters,
    seeds,
    counter,
    o.maxIterations,
    tolAbs,
    undefined,
    (r) => doneHere.add(r),
  );
  const results = [mine ? { index: mine.index, ...mine.run } : null, ...(await Promise.all(pending))].filter(
    (r): r is KMeansWorkerResult => r !== null,
  );
  if (workerFailed) {
    // a worker that failed (no tsx, no threads) lost the restarts it claimed: redo every restart not
    // finished here (duplicates are harmless: same seed, same run)
    const missing = seeds.map((_, r) => r).filter((r) => !doneHere.has(r));
    const redo = runRestarts(shared, n, d, o.nClusters, seeds, missing, o.maxIterations, tolAbs);
    if (redo) results.push({ index: redo.index, ...redo.run });
  }
  let best = results[0];
  for (const r of results) {
    if (r.inertia < best.inertia || (r.inertia === best.inertia && r.index < best.index)) best = r;
  }
  return modelFromRun(best, n, d, o.nClusters);
}
