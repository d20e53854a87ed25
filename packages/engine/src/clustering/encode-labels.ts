import { EngineError } from '../core/engine-error.js';

/** Labels mapped to 0..m-1 in ascending order of the original values. */
export interface EncodedLabels {
  codes: Int32Array;
  /** Original label of each code. */
  values: number[];
  counts: Float64Array;
}

/** Maps arbitrary integer labels (noise -1 included) to dense codes. */
export function encodeLabels(labels: ArrayLike<number>): EncodedLabels {
  const values = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  for (const v of values) {
    if (!Number.isInteger(v)) throw new EngineError('INVALID_OPTION', `labels must be integers, got ${v}`);
  }
  const index = new Map(values.map((v, i) => [v, i]));
  const codes = new Int32Array(labels.length);
  const counts = new Float64Array(values.length);
  for (let i = 0; i < labels.length; i++) {
    const c = index.get(labels[i])!;
    codes[i] = c;
    counts[c]++;
  }
  return { codes, values, counts };
}
