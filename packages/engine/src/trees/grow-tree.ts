/**
 * Grows one regression tree on binned data (squared error, optional L2 on leaf values), the
 * histogram method of LightGBM / scikit-learn's HistGradientBoosting: a node's best split comes
 * from per-feature histograms of (weight, weighted target sum); a child's histogram
 * is its parent's minus its sibling's, so only the smaller child is scanned (histograms are
 * packed: feature f owns nBins[f] slots). Tiny nodes (< HIST_MIN rows) gather their rows and sort
 * them by bin (or count small-bin features) per feature instead.
 * Growth is depth-first without a leaf limit (random forest) and best-first by gain with
 * `maxLeafNodes` (boosting). Rows carry optional weights (bootstrap counts): `cover` and node values
 * are weighted, and so are `minSamplesLeaf` / `minSamplesSplit` (bootstrap draws; scikit-learn counts
 * distinct rows there — the same with the default minSamplesLeaf = 1, and without bootstrap).
 * Gain of a split = S_L²/(W_L+λ) + S_R²/(W_R+λ) − S²/(W+λ); node value = S/(W+λ) (the mean when λ = 0).
 * Input: B binned rows × p features; O(B·p·depth) plus O(nodes·p·bins) for split scans.
 * References: Ke et al. 2017 (LightGBM); https://scikit-learn.org/stable/modules/tree.html
 */
import type { Rng } from '../core/random.js';
import type { BinnedData } from './feature-bins.js';
import type { TreeArrays } from './tree-ensemble.js';

/** Hyperparameters of one tree (already validated and resolved to counts). */
export interface TreeGrowParams {
  /** Infinity for unlimited. */
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly minSamplesSplit: number;
  /** Features drawn (without replacement) at each node, 1..p. */
  readonly maxFeatures: number;
  /** Infinity for unlimited (depth-first growth). */
  readonly maxLeafNodes: number;
  /** L2 penalty λ on leaf values. */
  readonly l2: number;
}

/** A grown tree plus its split bins (x[f] <= threshold ⇔ code[f] <= binThreshold). */
export interface GrownTree {
  readonly tree: TreeArrays;
  readonly binThreshold: Int32Array;
}

const HIST_MIN = 16;

interface Pending {
  id: number;
  start: number;
  end: number;
  depth: number;
  w: number;
  s: number;
  hist: Float64Array | null;
  feature: number;
  bin: number;
  gain: number;
  lw: number;
  ls: number;
}

/**
 * Grows a tree on rows[0..rows.length) (the array is reordered in place). `target` and `weights`
 * are indexed by row id; weights (null = 1 each) must be positive integers (bootstrap counts), which
 * keeps histogram subtraction exact. `onLeaf` receives each leaf's rows.
 */
export function growTree(
  data: BinnedData,
  target: Float64Array,
  weights: Float64Array | null,
  rows: Uint32Array,
  params: TreeGrowParams,
  rng: Rng,
  onLeaf?: (leafRows: Uint32Array, value: number) => void,
): GrownTree {
  const p = data.nFeatures;
  const codes = data.codes;
  const nBins = data.bins.nBins;
  const edges = data.bins.edges;
  const { maxDepth, minSamplesLeaf: msl, minSamplesSplit: mss, maxFeatures, maxLeafNodes, l2 } = params;
  // Packed histogram: slot (offset[f] + bin) * 2 holds (weight, weighted target sum).
  const offset = new Int32Array(p);
  let totalBins = 0;
  for (let f = 0; f < p; f++) {
    offset[f] = totalBins;
    totalBins += nBins[f];
  }
  const histSize = totalBins * 2;
  const pool: Float64Array[] = [];
  const take = (): Float64Array => {
    const h = pool.pop();
    if (h) {
      h.fill(0);
      return h;
    }
    return new Float64Array(histSize);
  };
  // Weight, weighted target and target side by side: one cache line per row in the hot loops.
  const wt = new Float64Array(3 * data.nRows);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const w = weights === null ? 1 : weights[r];
    wt[3 * r] = w;
    wt[3 * r + 1] = w * target[r];
    wt[3 * r + 2] = target[r];
  }
  const features = new Int32Array(p);
  const keys = new Uint32Array(HIST_MIN);
  const gw = new Float64Array(HIST_MIN);
  const gy = new Float64Array(HIST_MIN);
  const gc = new Uint8Array(HIST_MIN * p);
  const scratch = new Float64Array(256 * 2);

  // Every leaf holds ≥ 1 row, so a tree has at most 2·rows − 1 nodes.
  const capacity = Math.max(1, 2 * rows.length - 1);
  const fFeature = new Int32Array(capacity);
  const fThreshold = new Float64Array(capacity);
  const fBin = new Int32Array(capacity);
  const fLeft = new Int32Array(capacity);
  const fRight = new Int32Array(capacity);
  const fValue = new Float64Array(capacity);
  const fCover = new Float64Array(capacity);
  let nextId = 0;

  // Two-bin features (one-hot columns) only accumulate their code-1 rows; bin 0 is the node total
  // minus bin 1. One-hot rows have a single 1 per group, so this skips most of their work.
  const wide: number[] = [];
  const binary: number[] = [];
  for (let f = 0; f < p; f++) (nBins[f] === 2 ? binary : wide).push(f);
  const wideF = Int32Array.from(wide);
  const binaryF = Int32Array.from(binary);
  const buildHist = (h: Float64Array, start: number, end: number) => {
    let tw = 0;
    let ts = 0;
    for (let k = start; k < end; k++) {
      const r = rows[k];
      const base = r * p;
      const w = wt[3 * r];
      const wy = wt[3 * r + 1];
      tw += w;
      ts += wy;
      for (let q = 0; q < wideF.length; q++) {
        const f = wideF[q];
        const idx = (offset[f] + codes[base + f]) * 2;
        h[idx] += w;
        h[idx + 1] += wy;
      }
      for (let q = 0; q < binaryF.length; q++) {
        const f = binaryF[q];
        if (codes[base + f] !== 0) {
          const idx = (offset[f] + 1) * 2;
          h[idx] += w;
          h[idx + 1] += wy;
        }
      }
    }
    for (let q = 0; q < binaryF.length; q++) {
      const idx = offset[binaryF[q]] * 2;
      h[idx] = tw - h[idx + 2];
      h[idx + 1] = ts - h[idx + 3];
    }
  };

  /** Records a candidate split if it beats the best so far; returns the new best score. */
  const consider = (node: Pending, best: number, f: number, b: number, lw: number, ls: number): number => {
    const rw = node.w - lw;
    if (lw < msl || rw < msl) return best;
    const rs = node.s - ls;
    const score = (ls * ls) / (lw + l2) + (rs * rs) / (rw + l2);
    if (score > best) {
      node.feature = f;
      node.bin = b;
      node.lw = lw;
      node.ls = ls;
      return score;
    }
    return best;
  };

  const evaluate = (node: Pending) => {
    node.gain = -Infinity;
    const count = node.end - node.start;
    const W = node.w;
    if (count < 2 || W < mss || W < 2 * msl || node.depth >= maxDepth) return;
    const h = node.hist;
    if (h === null) {
      // Tiny node: gather its rows once into small contiguous buffers.
      const y0 = wt[3 * rows[node.start] + 2];
      let pure = true;
      for (let k = 0; k < count; k++) {
        const r = rows[node.start + k];
        if (wt[3 * r + 2] !== y0) pure = false;
        gw[k] = wt[3 * r];
        gy[k] = wt[3 * r + 1];
        const src = r * p;
        const dst = k * p;
        for (let f = 0; f < p; f++) gc[dst + f] = codes[src + f];
      }
      // A node whose rows share one target value cannot improve (sklearn's impurity ≤ ε leaf).
      if (pure) return;
    }
    let nf = p;
    for (let f = 0; f < p; f++) features[f] = f;
    if (maxFeatures < p) {
      for (let k = 0; k < maxFeatures; k++) {
        const j = k + rng.nextInt(p - k);
        const t = features[k];
        features[k] = features[j];
        features[j] = t;
      }
      nf = maxFeatures;
    }
    const S = node.s;
    const parentScore = (S * S) / (W + l2);
    let best = parentScore + 1e-12 * Math.abs(parentScore);
    for (let q = 0; q < nf; q++) {
      const f = features[q];
      const nb = nBins[f];
      if (nb < 2) continue;
      let lw = 0;
      let ls = 0;
      if (h !== null) {
        const base = offset[f] * 2;
        for (let b = 0; b < nb - 1; b++) {
          const idx = base + b * 2;
          const w = h[idx];
          // Weights are integers, so an empty bin is exactly 0 even after subtraction.
          if (w === 0) continue;
          lw += w;
          ls += h[idx + 1];
          if (W - lw < msl) break;
          best = consider(node, best, f, b, lw, ls);
        }
      } else if (nb === 2) {
        for (let k = 0; k < count; k++) {
          if (gc[k * p + f] === 0) {
            lw += gw[k];
            ls += gy[k];
          }
        }
        if (lw > 0 && lw < W) best = consider(node, best, f, 0, lw, ls);
      } else if (nb <= count) {
        // Few bins for this node's size: count into a scratch histogram.
        const sh = scratch;
        for (let k = 0; k < 2 * nb; k++) sh[k] = 0;
        for (let k = 0; k < count; k++) {
          const idx = gc[k * p + f] * 2;
          sh[idx] += gw[k];
          sh[idx + 1] += gy[k];
        }
        for (let b = 0; b < nb - 1; b++) {
          const w = sh[2 * b];
          if (w === 0) continue;
          lw += w;
          ls += sh[2 * b + 1];
          if (W - lw < msl) break;
          best = consider(node, best, f, b, lw, ls);
        }
      } else {
        for (let k = 0; k < count; k++) keys[k] = (gc[k * p + f] << 16) | k;
        for (let a = 1; a < count; a++) {
          const v = keys[a];
          let z = a - 1;
          while (z >= 0 && keys[z] > v) {
            keys[z + 1] = keys[z];
            z--;
          }
          keys[z + 1] = v;
        }
        for (let k = 0; k < count - 1; k++) {
          const key = keys[k];
          const g = key & 0xffff;
          lw += gw[g];
          ls += gy[g];
          const code = key >>> 16;
          if (keys[k + 1] >>> 16 === code) continue;
          if (W - lw < msl) break;
          best = consider(node, best, f, code, lw, ls);
        }
      }
    }
    if (node.feature >= 0) node.gain = best - parentScore;
  };

  const newNode = (
    start: number,
    end: number,
    depth: number,
    w: number,
    s: number,
    hist: Float64Array | null,
  ): Pending => {
    const id = nextId++;
    fFeature[id] = -1;
    fBin[id] = -1;
    fLeft[id] = -1;
    fRight[id] = -1;
    fValue[id] = s / (w + l2);
    fCover[id] = w;
    const node: Pending = {
      id,
      start,
      end,
      depth,
      w,
      s,
      hist,
      feature: -1,
      bin: -1,
      gain: -Infinity,
      lw: 0,
      ls: 0,
    };
    evaluate(node);
    return node;
  };

  const finishLeaf = (node: Pending) => {
    if (node.hist) pool.push(node.hist);
    node.hist = null;
    if (onLeaf) onLeaf(rows.subarray(node.start, node.end), fValue[node.id]);
  };

  let rootW = 0;
  let rootS = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    rootW += wt[3 * r];
    rootS += wt[3 * r + 1];
  }
  let rootHist: Float64Array | null = null;
  if (rows.length >= HIST_MIN) {
    rootHist = take();
    buildHist(rootHist, 0, rows.length);
  }
  const pending: Pending[] = [newNode(0, rows.length, 0, rootW, rootS, rootHist)];
  const bestFirst = Number.isFinite(maxLeafNodes);
  let finishedLeaves = 0;

  while (pending.length > 0) {
    let node: Pending;
    if (bestFirst) {
      let bi = 0;
      for (let k = 1; k < pending.length; k++) if (pending[k].gain > pending[bi].gain) bi = k;
      node = pending[bi];
      pending.splice(bi, 1);
    } else {
      node = pending.pop() as Pending;
    }
    const canGrow = !bestFirst || finishedLeaves + pending.length + 2 <= maxLeafNodes;
    if (node.gain === -Infinity || !canGrow) {
      finishLeaf(node);
      finishedLeaves++;
      continue;
    }
    const f = node.feature;
    const bin = node.bin;
    let i = node.start;
    let j = node.end - 1;
    while (i <= j) {
      if (codes[rows[i] * p + f] <= bin) i++;
      else {
        const t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
        j--;
      }
    }
    const mid = i;
    const leftCount = mid - node.start;
    const rightCount = node.end - mid;
    let leftHist: Float64Array | null = null;
    let rightHist: Float64Array | null = null;
    const parentHist = node.hist;
    node.hist = null;
    if (parentHist !== null && Math.max(leftCount, rightCount) >= HIST_MIN) {
      // Scan only the smaller child; the larger one's histogram is the parent's minus it.
      const leftSmaller = leftCount <= rightCount;
      const small = take();
      if (leftSmaller) buildHist(small, node.start, mid);
      else buildHist(small, mid, node.end);
      for (let k = 0; k < histSize; k++) parentHist[k] -= small[k];
      const smallKeeps = Math.min(leftCount, rightCount) >= HIST_MIN;
      if (!smallKeeps) pool.push(small);
      leftHist = leftSmaller ? (smallKeeps ? small : null) : parentHist;
      rightHist = leftSmaller ? parentHist : smallKeeps ? small : null;
    } else if (parentHist !== null) {
      pool.push(parentHist);
    }
    fFeature[node.id] = f;
    fBin[node.id] = bin;
    fThreshold[node.id] = edges[f][bin];
    const left = newNode(node.start, mid, node.depth + 1, node.lw, node.ls, leftHist);
    const right = newNode(mid, node.end, node.depth + 1, node.w - node.lw, node.s - node.ls, rightHist);
    fLeft[node.id] = left.id;
    fRight[node.id] = right.id;
    // Depth-first: the left child is popped next.
    pending.push(right, left);
  }

  return {
    tree: {
      feature: fFeature.slice(0, nextId),
      threshold: fThreshold.slice(0, nextId),
      left: fLeft.slice(0, nextId),
      right: fRight.slice(0, nextId),
      value: fValue.slice(0, nextId),
      cover: fCover.slice(0, nextId),
    },
    binThreshold: fBin.slice(0, nextId),
  };
}
