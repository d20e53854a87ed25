/**
 * Grows forest trees on worker threads. The binned codes and the target live in
 * SharedArrayBuffers (read-only in the workers); each worker takes one tree (index, seed) at a
 * time and transfers the finished tree's arrays back. Results are placed by index, so the forest
 * is identical to the single-threaded one whatever the scheduling.
 * Workers start from forest-worker-entry.mjs, which registers tsx and imports the .ts worker
 * (Node 20 ignores `--import tsx` in a Worker's execArgv for the entry module); this works under
 * vitest and under `node --import tsx`. A compiled build would point the URL at a .js worker.
 */
import { Worker } from 'node:worker_threads';
import type { BinnedData } from './feature-bins.js';
import type { ForestTreeJob } from './forest-trees.js';
import type { TreeArrays } from './tree-ensemble.js';

/** Grows trees for the given seeds on nThreads workers; resolves in seed order. */
export function growForestParallel(
  data: BinnedData,
  y: Float64Array,
  seeds: readonly number[],
  job: ForestTreeJob,
  nThreads: number,
): Promise<TreeArrays[]> {
  const codes = new SharedArrayBuffer(data.codes.length);
  new Uint8Array(codes).set(data.codes);
  const ySab = new SharedArrayBuffer(y.length * 8);
  new Float64Array(ySab).set(y);
  const trees: TreeArrays[] = new Array(seeds.length);
  let next = 0;
  let done = 0;
  const nWorkers = Math.max(1, Math.min(nThreads, seeds.length));
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const feed = (w: Worker) => {
      if (next < seeds.length) {
        const index = next++;
        w.postMessage({ index, seed: seeds[index] });
      }
    };
    for (let k = 0; k < nWorkers; k++) {
      const w = new Worker(new URL('./forest-worker-entry.mjs', import.meta.url), {
        execArgv: [],
        workerData: {
          codes,
          y: ySab,
          nRows: data.nRows,
          nFeatures: data.nFeatures,
          edges: data.bins.edges,
          nBins: data.bins.nBins,
          job,
        },
      });
      workers.push(w);
      w.on('message', (msg: { index: number; tree: TreeArrays }) => {
        trees[msg.index] = msg.tree;
        done++;
        if (done === seeds.length) {
          for (const x of workers) void x.terminate();
          resolve(trees);
        } else feed(w);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (done < seeds.length && code !== 0) fail(new Error(`forest worker exited with code ${code}`));
      });
      // Two trees in flight per worker keep it busy while the main thread receives results.
      feed(w);
      feed(w);
    }
  });
}
