/**
 * DBSCAN: density-based clusters with noise (label −1), neighbourhoods from a k-d tree.
 * Input: X n×d finite. Time O(n log n) for low d and a moderate eps (two radius queries per core
 * point at most), memory O(n) — neighbourhoods are never stored. Core point: at least `minSamples`
 * rows within `eps` (inclusive), the row itself included. Border points join the first cluster that
 * reaches them in index order, exactly as scikit-learn's `dbscan_inner`.
 * Reference: Ester et al. (KDD 1996); scikit-learn `DBSCAN`.
 */
import { EngineError } from '../core/engine-error.js';
import type { Matrix } from '../core/matrix.js';
import {
  decodeFloats,
  encodeFloats,
  expectSerialized,
  type SerializedModel,
} from '../core/serialized-model.js';
import { buildKdTree, type KdTree } from './kd-tree.js';
import { assertClusterInput, checkIntegerOption, stripUndefined } from './kmeans.js';

export interface DbscanOptions {
  /** Neighbourhood radius (default 0.5, as scikit-learn and the original). */
  eps?: number;
  /** Rows within eps, itself included, for a core point (default 5). */
  minSamples?: number;
}

export const DBSCAN_DEFAULTS = Object.freeze({ eps: 0.5, minSamples: 5 });

export interface DbscanParams {
  eps: number;
  minSamples: number;
  nFeatures: number;
  nClusters: number;
  /** Core points, row-major. */
  components: number[];
  componentLabels: number[];
  warnings: string[];
}

/** A fitted DBSCAN model. */
export interface DbscanModel {
  readonly kind: 'dbscan';
  readonly eps: number;
  readonly minSamples: number;
  readonly nFeatures: number;
  /** Clusters found (noise excluded). */
  readonly nClusters: number;
  /** Training labels, noise = −1 (empty for a model rebuilt from JSON). */
  readonly labels: Int32Array;
  /** Indices of the training core points (empty for a model rebuilt from JSON). */
  readonly coreSampleIndices: Int32Array;
  /** Core points, one per row. */
  readonly components: Matrix;
  readonly nNoise: number;
  /** Always true: DBSCAN is not iterative; kept so every clusterer reports it. */
  readonly converged: boolean;
  readonly warnings: readonly string[];
  /** Label of the nearest core point within eps, else −1. */
  predict(X: Matrix): Int32Array;
  toJSON(): SerializedModel<'dbscan', DbscanParams>;
}

function resolveOptions(options: DbscanOptions): Required<DbscanOptions> {
  const o = { ...DBSCAN_DEFAULTS, ...stripUndefined(options) };
  if (!(o.eps > 0) || !Number.isFinite(o.eps))
    throw new EngineError('INVALID_OPTION', `eps must be > 0, got ${o.eps}`);
  checkIntegerOption('minSamples', o.minSamples, 1);
  return o;
}

/** Fits DBSCAN. */
export function fitDbscan(X: Matrix, options: DbscanOptions = {}): DbscanModel {
  assertClusterInput(X);
  const { eps, minSamples } = resolveOptions(options);
  const { rows: n, cols: d, data } = X;
  const tree = buildKdTree(data, n, d);
  const isCore = new Uint8Array(n);
  let nCore = 0;
  for (let i = 0; i < n; i++) {
    if (tree.countWithin(data, i * d, eps) >= minSamples) {
      isCore[i] = 1;
      nCore++;
    }
  }
  const labels = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let label = 0;
  for (let i0 = 0; i0 < n; i0++) {
    if (labels[i0] !== -1 || !isCore[i0]) continue;
    let i = i0;
    for (;;) {
      if (labels[i] === -1) {
        labels[i] = label;
        if (isCore[i]) {
          tree.radius(data, i * d, eps, (j) => {
            if (labels[j] === -1) stack.push(j);
          });
        }
      }
      if (stack.length === 0) break;
      i = stack.pop()!;
    }
    label++;
  }
  const coreIdx = new Int32Array(nCore);
  const components = new Float64Array(nCore * d);
  const componentLabels = new Int32Array(nCore);
  for (let i = 0, c = 0; i < n; i++) {
    if (!isCore[i]) continue;
    coreIdx[c] = i;
    componentLabels[c] = labels[i];
    components.set(data.subarray(i * d, i * d + d), c * d);
    c++;
  }
  const warnings: string[] = [];
  let nNoise = 0;
  for (let i = 0; i < n; i++) if (labels[i] === -1) nNoise++;
  if (label === 0)
    warnings.push(`no core points for eps=${eps} and minSamples=${minSamples}: every row is noise`);
  return createModel(
    { eps, minSamples, nFeatures: d, nClusters: label, components: [], componentLabels: [], warnings },
    labels,
    coreIdx,
    components,
    componentLabels,
    nNoise,
  );
}

function createModel(
  params: DbscanParams,
  labels: Int32Array,
  coreIdx: Int32Array,
  components: Float64Array,
  componentLabels: Int32Array,
  nNoise: number,
): DbscanModel {
  const d = params.nFeatures;
  const nCore = componentLabels.length;
  let tree: KdTree | undefined;
  return {
    kind: 'dbscan',
    eps: params.eps,
    minSamples: params.minSamples,
    nFeatures: d,
    nClusters: params.nClusters,
    labels,
    coreSampleIndices: coreIdx,
    components: { data: components, rows: nCore, cols: d },
    nNoise,
    converged: true,
    warnings: params.warnings,
    predict(X: Matrix): Int32Array {
      assertClusterInput(X);
      if (X.cols !== d) throw new EngineError('INVALID_SHAPE', `expected ${d} columns, got ${X.cols}`);
      const out = new Int32Array(X.rows).fill(-1);
      if (nCore === 0) return out;
      tree ??= buildKdTree(components, nCore, d);
      const idx = new Int32Array(1);
      const dist = new Float64Array(1);
      for (let i = 0; i < X.rows; i++) {
        tree.nearest(X.data, i * d, 1, idx, dist);
        if (dist[0] <= params.eps) out[i] = componentLabels[idx[0]];
      }
      return out;
    },
    toJSON: () => ({
      kind: 'dbscan',
      version: 1,
      params: {
        ...params,
        components: encodeFloats(components),
        componentLabels: Array.from(componentLabels),
        warnings: [...params.warnings],
      },
    }),
  };
}

/** Rebuilds a DBSCAN model (core points and their labels) from `toJSON()` output. */
export function dbscanFromJSON(json: unknown): DbscanModel {
  const s = expectSerialized(json, 'dbscan', [1]);
  const p = s.params as DbscanParams;
  if (!Array.isArray(p?.components) || p.components.length !== p.componentLabels?.length * p.nFeatures) {
    throw new EngineError('INVALID_SHAPE', 'serialized DBSCAN core points do not match their labels');
  }
  return createModel(
    p,
    new Int32Array(0),
    new Int32Array(0),
    decodeFloats(p.components),
    Int32Array.from(p.componentLabels),
    0,
  );
}

/** `DbscanModel.fromJSON(json)`. */
export const DbscanModel = Object.freeze({ fromJSON: dbscanFromJSON });
