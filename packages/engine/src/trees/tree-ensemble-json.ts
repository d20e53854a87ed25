import {
  decodeExactFloat,
  decodeExactFloats,
  encodeExactFloat,
  encodeExactFloats,
  type ExactFloat,
} from '../preprocessing/exact-floats.js';
import type { TreeArrays, TreeEnsemble } from './tree-ensemble.js';

/** JSON form of one tree: integer arrays as numbers, doubles bit-exact (see exact-floats). */
export interface TreeArraysJSON {
  feature: number[];
  threshold: ExactFloat[];
  left: number[];
  right: number[];
  value: ExactFloat[];
  cover: ExactFloat[];
}

export interface TreeEnsembleJSON {
  trees: TreeArraysJSON[];
  init: ExactFloat;
  weight: ExactFloat;
  nFeatures: number;
}

/** Ensemble → JSON-safe object that rebuilds bit-for-bit. */
export function encodeTreeEnsemble(e: TreeEnsemble): TreeEnsembleJSON {
  return {
    trees: e.trees.map((t) => ({
      feature: Array.from(t.feature),
      threshold: encodeExactFloats(t.threshold),
      left: Array.from(t.left),
      right: Array.from(t.right),
      value: encodeExactFloats(t.value),
      cover: encodeExactFloats(t.cover),
    })),
    init: encodeExactFloat(e.init),
    weight: encodeExactFloat(e.weight),
    nFeatures: e.nFeatures,
  };
}

/** The inverse of encodeTreeEnsemble. */
export function decodeTreeEnsemble(j: TreeEnsembleJSON): TreeEnsemble {
  const trees: TreeArrays[] = j.trees.map((t) => ({
    feature: Int32Array.from(t.feature),
    threshold: decodeExactFloats(t.threshold),
    left: Int32Array.from(t.left),
    right: Int32Array.from(t.right),
    value: decodeExactFloats(t.value),
    cover: decodeExactFloats(t.cover),
  }));
  return {
    trees,
    init: decodeExactFloat(j.init),
    weight: decodeExactFloat(j.weight),
    nFeatures: j.nFeatures,
  };
}
