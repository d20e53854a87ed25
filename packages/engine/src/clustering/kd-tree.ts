/**
 * A k-d tree over the rows of a row-major buffer, for radius and k-nearest-neighbour queries.
 * Build O(n log n), queries O(log n + answers) on low-dimensional data (d ≲ 10), memory O(n).
 * Splits on the widest dimension at the median; each node keeps its bounding box for pruning.
 * Reference: Bentley (1975); scikit-learn `KDTree` (leaf_size, bounding-box pruning).
 */
export interface KdTree {
  readonly n: number;
  readonly d: number;
  /** Calls `visit(index, squaredDistance)` for every row within `radius` (inclusive) of `q`. */
  radius(q: Float64Array, qo: number, radius: number, visit: (i: number, sqDist: number) => void): void;
  /** Number of rows within `radius` (inclusive) of `q`. */
  countWithin(q: Float64Array, qo: number, radius: number): number;
  /** The k nearest rows of `q`: indices and distances (ascending) written into the outputs. */
  nearest(q: Float64Array, qo: number, k: number, outIdx: Int32Array, outDist: Float64Array): void;
}

/** Builds a k-d tree over n rows of dimension d (the buffer is referenced, not copied). */
export function buildKdTree(data: Float64Array, n: number, d: number, leafSize = 16): KdTree {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const maxNodes = 2 * Math.max(1, Math.ceil(n / leafSize)) * 2 + 1;
  const start = new Int32Array(maxNodes);
  const end = new Int32Array(maxNodes);
  const left = new Int32Array(maxNodes).fill(-1);
  const right = new Int32Array(maxNodes).fill(-1);
  const lo = new Float64Array(maxNodes * d);
  const hi = new Float64Array(maxNodes * d);
  let count = 0;

  const build = (s: number, e: number): number => {
    const node = count++;
    start[node] = s;
    end[node] = e;
    for (let j = 0; j < d; j++) {
      lo[node * d + j] = Infinity;
      hi[node * d + j] = -Infinity;
    }
    for (let t = s; t < e; t++) {
      const p = idx[t] * d;
      for (let j = 0; j < d; j++) {
        const v = data[p + j];
        if (v < lo[node * d + j]) lo[node * d + j] = v;
        if (v > hi[node * d + j]) hi[node * d + j] = v;
      }
    }
    if (e - s <= leafSize) return node;
    let dim = 0;
    let spread = -1;
    for (let j = 0; j < d; j++) {
      const w = hi[node * d + j] - lo[node * d + j];
      if (w > spread) {
        spread = w;
        dim = j;
      }
    }
    if (spread <= 0) return node;
    const mid = (s + e) >>> 1;
    select(data, d, idx, s, e - 1, mid, dim);
    left[node] = build(s, mid);
    right[node] = build(mid, e);
    return node;
  };
  build(0, n);

  const boxDist = (node: number, q: Float64Array, qo: number): number => {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = q[qo + j];
      const a = lo[node * d + j];
      const b = hi[node * d + j];
      const t = v < a ? a - v : v > b ? v - b : 0;
      s += t * t;
    }
    return s;
  };
  const sqDist = (i: number, q: Float64Array, qo: number): number => {
    const p = i * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = data[p + j] - q[qo + j];
      s += t * t;
    }
    return s;
  };
  const stack = new Int32Array(256);

  const radius = (q: Float64Array, qo: number, r: number, visit: (i: number, sq: number) => void): void => {
    const r2 = r * r;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (boxDist(node, q, qo) > r2) continue;
      if (left[node] < 0) {
        for (let t = start[node]; t < end[node]; t++) {
          const i = idx[t];
          const s = sqDist(i, q, qo);
          if (s <= r2) visit(i, s);
        }
      } else {
        stack[top++] = left[node];
        stack[top++] = right[node];
      }
    }
  };

  return {
    n,
    d,
    radius,
    countWithin(q, qo, r) {
      let c = 0;
      radius(q, qo, r, () => {
        c++;
      });
      return c;
    },
    nearest(q, qo, k, outIdx, outDist) {
      // sorted insertion into a small list (k is small: minSamples)
      let size = 0;
      outDist.fill(Infinity, 0, k);
      const nodeStack: number[] = [0];
      while (nodeStack.length > 0) {
        const node = nodeStack.pop()!;
        const worst = size < k ? Infinity : outDist[k - 1];
        if (boxDist(node, q, qo) > worst) continue;
        if (left[node] < 0) {
          for (let t = start[node]; t < end[node]; t++) {
            const i = idx[t];
            const s = sqDist(i, q, qo);
            if (size === k && s >= outDist[k - 1]) continue;
            let pos = size < k ? size++ : k - 1;
            while (pos > 0 && outDist[pos - 1] > s) {
              outDist[pos] = outDist[pos - 1];
              outIdx[pos] = outIdx[pos - 1];
              pos--;
            }
            outDist[pos] = s;
            outIdx[pos] = i;
          }
        } else {
          const a = left[node];
          const b = right[node];
          // visit the nearer child first: push it last
          if (boxDist(a, q, qo) <= boxDist(b, q, qo)) {
            nodeStack.push(b, a);
          } else nodeStack.push(a, b);
        }
      }
      for (let t = 0; t < k; t++) outDist[t] = Math.sqrt(outDist[t]);
    },
  };
}

/** Quickselect on idx[s..e] so that idx[m] holds the median along `dim` (Hoare partition). */
function select(
  data: Float64Array,
  d: number,
  idx: Int32Array,
  s: number,
  e: number,
  m: number,
  dim: number,
): void {
  while (e > s) {
    const pivot = data[idx[(s + e) >>> 1] * d + dim];
    let i = s;
    let j = e;
    while (i <= j) {
      while (data[idx[i] * d + dim] < pivot) i++;
      while (data[idx[j] * d + dim] > pivot) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        i++;
        j--;
      }
    }
    if (m <= j) e = j;
    else if (m >= i) s = i;
    else return;
  }
}
