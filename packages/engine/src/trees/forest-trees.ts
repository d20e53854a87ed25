/**
 * The per-tree work of a random forest, shared by the main thread and the forest workers:
 * tree t draws a bootstrap sample (n draws with replacement → integer weights) from its own
 * seed, then grows on the in-bag rows. Same seed ⇒ same tree wherever it is built.
 * Reference: Breiman 2001; https://scikit-learn.org/stable/modules/ensemble.html#forest
 */
import { createRng } from '../core/random.js';
import type { BinnedData } from './feature-bins.js';
import { growTree, type TreeGrowParams } from './grow-tree.js';
import type { TreeArrays } from './tree-ensemble.js';

export interface ForestTreeJob {
  readonly params: TreeGrowParams;
  readonly bootstrap: boolean;
  /** Rows drawn per bootstrap sample. */
  readonly nSamples: number;
}

/** Bootstrap counts of tree `seed` over n rows (all 1 without bootstrap). */
export function bootstrapCounts(n: number, seed: number, job: ForestTreeJob): Float64Array {
  const counts = new Float64Array(n);
  if (!job.bootstrap) {
    counts.fill(1);
    return counts;
  }
  const rng = createRng(seed);
  for (let k = 0; k < job.nSamples; k++) counts[rng.nextInt(n)] += 1;
  return counts;
}

/** Grows one forest tree from its seed. */
export function growForestTree(
  data: BinnedData,
  y: Float64Array,
  seed: number,
  job: ForestTreeJob,
): TreeArrays {
  const n = data.nRows;
  const counts = bootstrapCounts(n, seed, job);
  let inBag = 0;
  for (let i = 0; i < n; i++) if (counts[i] > 0) inBag++;
  const rows = new Uint32Array(inBag);
  for (let i = 0, k = 0; i < n; i++) if (counts[i] > 0) rows[k++] = i;
  // The growth rng is derived from the same seed, after the bootstrap stream, so it is reproducible.
  const rng = createRng(seed ^ 0x5bd1e995);
  return growTree(data, y, job.bootstrap ? counts : null, rows, job.params, rng).tree;
}
