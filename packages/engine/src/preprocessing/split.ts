/**
 * Seeded train/test split and k-fold, with scikit-learn's sizes: the test set holds
 * ceil(testFraction·n) rows; k-fold gives the first n mod k folds one extra row; KFold without
 * shuffle takes contiguous blocks in order. Shuffling uses the engine's seeded Fisher–Yates, so the
 * same seed gives the same split on every machine (not numpy's permutation).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.model_selection.KFold.html
 */
import { EngineError } from '../core/engine-error.js';
import { createRng, shuffledIndices } from '../core/random.js';

export interface TrainTestSplit {
  readonly train: Uint32Array;
  readonly test: Uint32Array;
}

export interface TrainTestSplitOptions {
  /** Fraction of rows in the test set, in (0, 1); default 0.2. */
  readonly testFraction?: number;
  readonly seed?: number;
  /** Default true. */
  readonly shuffle?: boolean;
}

/** Indices of a train/test split of n rows (test indices come first in the shuffled order). */
export function trainTestSplit(n: number, options: TrainTestSplitOptions = {}): TrainTestSplit {
  const testFraction = options.testFraction ?? 0.2;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new EngineError('INVALID_OPTION', `testFraction must be in (0, 1), got ${testFraction}`);
  }
  const nTest = Math.ceil(testFraction * n);
  if (nTest < 1 || n - nTest < 1) {
    throw new EngineError('EMPTY_INPUT', `${n} rows cannot be split with testFraction ${testFraction}`);
  }
  const order = orderOf(n, options.shuffle ?? true, options.seed ?? 0);
  return { test: order.slice(0, nTest), train: order.slice(nTest) };
}

export interface KFoldOptions {
  /** Number of folds, ≥ 2; default 5. */
  readonly k?: number;
  /** Default false, as sklearn's KFold. */
  readonly shuffle?: boolean;
  readonly seed?: number;
}

/** The k folds of n rows: each row is in exactly one test set. */
export function kFold(n: number, options: KFoldOptions = {}): TrainTestSplit[] {
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 2)
    throw new EngineError('INVALID_OPTION', `k must be an integer ≥ 2, got ${k}`);
  if (n < k) throw new EngineError('EMPTY_INPUT', `${n} rows cannot make ${k} folds`);
  const order = orderOf(n, options.shuffle ?? false, options.seed ?? 0);
  const folds: TrainTestSplit[] = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    const test = order.slice(start, start + size);
    const train = new Uint32Array(n - size);
    train.set(order.subarray(0, start), 0);
    train.set(order.subarray(start + size), start);
    folds.push({ train, test });
    start += size;
  }
  return folds;
}

function orderOf(n: number, shuffle: boolean, seed: number): Uint32Array {
  if (shuffle) return shuffledIndices(n, createRng(seed));
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}
