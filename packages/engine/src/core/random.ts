/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix32.
 * Every random choice in the engine goes through one of these, so the same seed gives the same
 * result on every machine (only 32-bit integer arithmetic, no platform-dependent floats).
 */
export interface Rng {
  /** Uniform in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). */
  nextInt(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** A new independent generator derived from this one (for restarts, trees, workers). */
  fork(): Rng;
  /** The seed that recreates a generator equal to what fork() would return next. */
  nextSeed(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator from any integer seed (negative and large seeds are folded into 32 bits). */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed) ^ Math.trunc(seed / 0x100000000));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1;
  let spareNormal: number | undefined;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  const rng: Rng = {
    next: () => nextUint32() / 4294967296,
    nextInt: (n: number) => Math.floor((nextUint32() / 4294967296) * n),
    normal: () => {
      if (spareNormal !== undefined) {
        const v = spareNormal;
        spareNormal = undefined;
        return v;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    nextSeed: () => nextUint32(),
    fork: () => createRng(nextUint32()),
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Fisher–Yates shuffle of 0..n-1. */
export function shuffledIndices(n: number, rng: Rng): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx;
}
