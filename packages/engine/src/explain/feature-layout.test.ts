import { describe, expect, it } from 'vitest';
import { foldColumns, resolveFeatureLayout } from './feature-layout.js';

describe('resolveFeatureLayout / foldColumns', () => {
  it('keeps groups first and gives every other column a feature of its own', () => {
    const layout = resolveFeatureLayout(
      5,
      [{ name: 'profession', columns: [2, 3, 4] }],
      ['age', 'income', 'p1', 'p2', 'p3'],
    );
    expect(layout.names).toEqual(['profession', 'age', 'income']);
    expect(layout.columns).toEqual([[2, 3, 4], [0], [1]]);
    expect(Array.from(foldColumns([1, 2, 0.5, -0.25, 4], layout))).toEqual([4.25, 1, 2]);
    expect(resolveFeatureLayout(2).names).toEqual(['x0', 'x1']);
  });

  it('rejects overlapping groups, columns out of range and duplicate names', () => {
    const bad = [
      () =>
        resolveFeatureLayout(3, [
          { name: 'a', columns: [0, 1] },
          { name: 'b', columns: [1] },
        ]),
      () => resolveFeatureLayout(3, [{ name: 'a', columns: [3] }]),
      () => resolveFeatureLayout(3, [{ name: 'a', columns: [] }]),
      () => resolveFeatureLayout(2, [{ name: 'x1', columns: [0] }]),
      () => resolveFeatureLayout(2, undefined, ['only-one']),
    ];
    for (const f of bad) expect(f).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
