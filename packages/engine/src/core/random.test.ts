import { describe, expect, it } from 'vitest';
import { createRng, shuffledIndices } from './random.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws uniform values in [0, 1) with the right mean, and standard normals', () => {
    const rng = createRng(7);
    let sum = 0;
    let sumNormal = 0;
    let sumNormalSq = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      const z = rng.normal();
      sumNormal += z;
      sumNormalSq += z * z;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumNormal / n).toBeCloseTo(0, 1);
    expect(sumNormalSq / n).toBeCloseTo(1, 1);
  });

  it('shuffles into a permutation', () => {
    const idx = shuffledIndices(1000, createRng(1));
    expect([...idx].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...idx.slice(0, 10)]).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
