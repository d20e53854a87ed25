/**
 * Adjusted Rand index between two labelings of the same rows (1 = identical up to renaming,
 * ≈ 0 for random). O(n + a·b) for a and b distinct labels. Reference: Hubert & Arabie (1985);
 * scikit-learn `adjusted_rand_score` via the pair confusion matrix.
 */
import { EngineError } from '../core/engine-error.js';
import { encodeLabels } from './encode-labels.js';

export function adjustedRandIndex(labelsTrue: ArrayLike<number>, labelsPred: ArrayLike<number>): number {
  const n = labelsTrue.length;
  if (labelsPred.length !== n) {
    throw new EngineError('INVALID_SHAPE', `label arrays differ in length: ${n} vs ${labelsPred.length}`);
  }
  if (n === 0) return 1;
  const a = encodeLabels(labelsTrue);
  const b = encodeLabels(labelsPred);
  const ma = a.counts.length;
  const mb = b.counts.length;
  const table = new Float64Array(ma * mb);
  for (let i = 0; i < n; i++) table[a.codes[i] * mb + b.codes[i]]++;
  let sumSq = 0;
  for (let k = 0; k < table.length; k++) sumSq += table[k] * table[k];
  let rowSq = 0;
  for (let r = 0; r < ma; r++) rowSq += a.counts[r] * a.counts[r];
  let colSq = 0;
  for (let c = 0; c < mb; c++) colSq += b.counts[c] * b.counts[c];
  // pair confusion matrix (ordered pairs), as scikit-learn
  const tp = sumSq - n;
  const fp = colSq - sumSq;
  const fn = rowSq - sumSq;
  const tn = n * n - fp - fn - sumSq;
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}
