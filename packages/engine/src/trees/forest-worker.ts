/**
 * Worker thread of the random forest: grows the trees whose seeds it is given on the shared
 * binned data and posts them back with their buffers transferred (no copies).
 * Started through forest-worker-entry.mjs (which registers tsx) by growForestParallel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedData } from './feature-bins.js';
import { growForestTree, type ForestTreeJob } from './forest-trees.js';

interface ForestWorkerData {
  codes: SharedArrayBuffer;
  y: SharedArrayBuffer;
  nRows: number;
  nFeatures: number;
  edges: Float64Array[];
  nBins: Int32Array;
  job: ForestTreeJob;
}

const input = workerData as ForestWorkerData;
const data: BinnedData = {
  nRows: input.nRows,
  nFeatures: input.nFeatures,
  codes: new Uint8Array(input.codes),
  bins: { nFeatures: input.nFeatures, edges: input.edges, nBins: input.nBins },
};
const y = new Float64Array(input.y);
// Trees are handed out one at a time so a slow (shared) core does not hold up the fit.
parentPort?.on('message', (msg: { index: number; seed: number }) => {
  const tree = growForestTree(data, y, msg.seed, input.job);
  const buffers = [tree.feature, tree.threshold, tree.left, tree.right, tree.value, tree.cover].map(
    (a) => a.buffer as ArrayBuffer,
  );
  parentPort?.postMessage({ index: msg.index, tree }, buffers);
});
