/**
 * Path-dependent TreeSHAP with per-leaf tables, in the spirit of Fast TreeSHAP v2 (Yang 2021,
 * "Fast TreeSHAP: Accelerating SHAP Value Computation for Trees"). At a leaf with value v and K
 * unique path features, feature i gets v · (o_i − z_i) · ∫₀¹ Π_{j≠i} (z_j + t (o_j − z_j)) dt,
 * where z_j is the product of the cover fractions of the splits on j along the path and o_j ∈
 * {0, 1} says whether x satisfies all of them. With H the set of path features x satisfies,
 * that is −T(H) for every i ∉ H and (1 − z_i) / z_i · T(H \ {i}) for i ∈ H, where
 *   T(B) = v · Π_{j∉B} z_j · ∫₀¹ Π_{j∈B} (z_j + t (1 − z_j)) · (1 − t)^{K−|B|−1} dt
 * is tabulated once per leaf for every B (Gauss–Legendre, exact for these degree K−1
 * polynomials). Explaining a row then costs O(nodes + Σ_leaves K) per tree instead of O(L·D²).
 * Memory Σ_leaves 2^K numbers, so it is used for batches when that stays under a budget.
 * Same values as Algorithm 2 up to rounding.
 */
import type { TreeArrays } from '../trees/tree-ensemble.js';

/** Gauss–Legendre nodes and weights on [0, 1] (Newton on the Legendre polynomial). */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = n === 1 ? 1 : (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = (1 - x) / 2;
    weights[i] = 1 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}

interface LeafTable {
  /** Feature index per path position. */
  readonly features: Int32Array;
  /** (1 − z) / z per path position. */
  readonly ratio: Float64Array;
  /** T(B) for every subset B of path positions (bit k = position k). */
  readonly table: Float64Array;
}

/** Σ_leaves 2^K of a tree (the table size), or Infinity when a path has a zero cover fraction. */
export function leafTableSize(tree: TreeArrays): number {
  let size = 0;
  const walk = (node: number, feats: readonly number[]): void => {
    if (tree.left[node] === -1) {
      size += 2 ** new Set(feats).size;
      return;
    }
    for (const child of [tree.left[node], tree.right[node]]) {
      if (!(tree.cover[child] > 0)) size = Infinity;
      walk(child, [...feats, tree.feature[node]]);
    }
  };
  walk(0, []);
  return size;
}

/** Per-leaf tables of one tree; `run` adds the tree's SHAP values of a row into phi. */
export class LeafTableTree {
  private readonly tree: TreeArrays;
  /** Leaf table per node id (undefined for internal nodes). */
  private readonly leaves: (LeafTable | undefined)[];
  private readonly fail: Int32Array;
  private x!: Float64Array;
  private offset = 0;
  private phi!: Float64Array;

  constructor(tree: TreeArrays, nFeatures: number) {
    this.tree = tree;
    this.leaves = new Array<LeafTable | undefined>(tree.left.length);
    this.fail = new Int32Array(nFeatures);
    const z = new Map<number, number>();
    const walk = (node: number): void => {
      if (tree.left[node] === -1) {
        this.leaves[node] = buildLeafTable(tree.value[node], z);
        return;
      }
      const f = tree.feature[node];
      const had = z.get(f);
      for (const child of [tree.left[node], tree.right[node]]) {
        z.set(f, (had ?? 1) * (tree.cover[child] / tree.cover[node]));
        walk(child);
      }
      if (had === undefined) z.delete(f);
      else z.set(f, had);
    };
    walk(0);
  }

  run(x: Float64Array, offset: number, phi: Float64Array): void {
    this.x = x;
    this.offset = offset;
    this.phi = phi;
    this.visit(0);
  }

  private visit(node: number): void {
    const tree = this.tree;
    const left = tree.left[node];
    if (left === -1) {
      const leaf = this.leaves[node] as LeafTable;
      const { features, ratio, table } = leaf;
      const K = features.length;
      let hot = 0;
      for (let k = 0; k < K; k++) if (this.fail[features[k]] === 0) hot |= 1 << k;
      const cold = -table[hot];
      for (let k = 0; k < K; k++) {
        const bit = 1 << k;
        this.phi[this.offset + features[k]] += hot & bit ? ratio[k] * table[hot ^ bit] : cold;
      }
      return;
    }
    const f = tree.feature[node];
    const goLeft = this.x[this.offset + f] <= tree.threshold[node];
    // Going against x's direction makes feature f "cold" on every path below.
    if (goLeft) {
      this.visit(left);
      this.fail[f]++;
      this.visit(tree.right[node]);
      this.fail[f]--;
    } else {
      this.fail[f]++;
      this.visit(left);
      this.fail[f]--;
      this.visit(tree.right[node]);
    }
  }
}

const RULES = new Map<number, { nodes: Float64Array; weights: Float64Array }>();

function buildLeafTable(value: number, zByFeature: ReadonlyMap<number, number>): LeafTable {
  const features = Int32Array.from(zByFeature.keys());
  const z = Float64Array.from(zByFeature.values());
  const K = features.length;
  const ratio = z.map((v) => (1 - v) / v);
  const size = 1 << K;
  const table = new Float64Array(size);
  if (K === 0) return { features, ratio, table };
  const q = Math.max(1, Math.ceil(K / 2));
  let rule = RULES.get(q);
  if (!rule) {
    rule = gaussLegendre(q);
    RULES.set(q, rule);
  }
  const { nodes: t, weights: w } = rule;
  // prod[B · q + r] = Π_{j∈B} (z_j + t_r (1 − z_j)); zIn[B] = Π_{j∈B} z_j.
  const prod = new Float64Array(size * q);
  const zIn = new Float64Array(size);
  prod.fill(1, 0, q);
  zIn[0] = 1;
  let zAll = 1;
  for (const v of z) zAll *= v;
  const pop = new Uint8Array(size);
  for (let B = 1; B < size; B++) {
    const low = 31 - Math.clz32(B & -B);
    const rest = B & (B - 1);
    pop[B] = pop[rest] + 1;
    zIn[B] = zIn[rest] * z[low];
    for (let r = 0; r < q; r++) prod[B * q + r] = prod[rest * q + r] * (z[low] + t[r] * (1 - z[low]));
  }
  // wPow[e · q + r] = w_r (1 − t_r)^e
  const wPow = new Float64Array(K * q);
  for (let r = 0; r < q; r++) {
    wPow[r] = w[r];
    for (let e = 1; e < K; e++) wPow[e * q + r] = wPow[(e - 1) * q + r] * (1 - t[r]);
  }
  for (let B = 0; B < size - 1; B++) {
    const e = (K - pop[B] - 1) * q;
    let integral = 0;
    for (let r = 0; r < q; r++) integral += wPow[e + r] * prod[B * q + r];
    table[B] = value * (zAll / zIn[B]) * integral;
  }
  return { features, ratio, table };
}
