import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import { matrixFromRows, rowView } from '../core/matrix.js';
import { decodeExactFloats, encodeExactFloats } from './exact-floats.js';
import { nanMedian } from './imputation.js';
import { fitOneHotEncoder } from './one-hot-encoder.js';
import { kFold, trainTestSplit } from './split.js';
import { fitStandardScaler, standardScalerFromJSON } from './standard-scaler.js';
import { categoricalColumn, createTable, numericColumn, selectTableRows, tableFromRecords } from './table.js';
import { fitTabularTransformer, tabularTransformerFromJSON } from './tabular-transformer.js';

const table = createTable({
  income: numericColumn([10, 20, NaN, 40, 50]),
  age: numericColumn([1, 1, 1, 1, 1]),
  profession: categoricalColumn(['Doctor', 'Artist', null, 'Doctor', 'Engineer']),
});
const spec = { numeric: ['income', 'age'], categorical: ['profession'] };

describe('exact floats', () => {
  it('round-trips -0, NaN and infinities through JSON', () => {
    const a = Float64Array.from([-0, 0, NaN, Infinity, -Infinity, 0.1, 1e-310]);
    const back = decodeExactFloats(JSON.parse(JSON.stringify(encodeExactFloats(a))));
    a.forEach((v, i) => expect(Object.is(back[i], v)).toBe(true));
  });
});

describe('standard scaler', () => {
  it('uses the population std and scales constant columns by 1', () => {
    const s = fitStandardScaler(
      matrixFromRows([
        [1, 5],
        [2, 5],
        [3, 5],
        [4, 5],
      ]),
    );
    expect(s.mean[0]).toBe(2.5);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(s.scale[1]).toBe(1);
    const t = s.transform(matrixFromRows([[2.5, 7]]));
    expect(t.data[0]).toBe(0);
    expect(t.data[1]).toBe(2);
    const back = standardScalerFromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect(back.inverseTransform(t).data).toEqual(Float64Array.from([2.5, 7]));
  });
});

describe('imputation and one-hot', () => {
  it('takes the NaN-aware median', () => {
    expect(nanMedian([3, NaN, 1, 2])).toBe(2);
    expect(nanMedian([4, 1, 3, 2])).toBe(2.5);
    expect(nanMedian([NaN])).toBe(0);
  });

  it('sorts categories, maps null to Unknown, unseen to -1, and drops the first on request', () => {
    const e = fitOneHotEncoder(['b', null, 'a', 'b']);
    expect(e.categories).toEqual(['Unknown', 'a', 'b']);
    expect(e.columnOf(null)).toBe(0);
    expect(e.columnOf('zzz')).toBe(-1);
    const d = fitOneHotEncoder(['b', 'a'], { dropFirst: true });
    expect(d.outputCategories).toEqual(['b']);
    expect(d.columnOf('a')).toBe(-1);
  });
});

describe('splits', () => {
  it('sizes the test set like sklearn and is seeded', () => {
    const s = trainTestSplit(10, { testFraction: 0.25, seed: 3 });
    expect(s.test.length).toBe(3);
    expect(s.train.length).toBe(7);
    expect([...s.train, ...s.test].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(trainTestSplit(10, { testFraction: 0.25, seed: 3 })).toEqual(s);
    expect(trainTestSplit(10, { testFraction: 0.25, seed: 4 }).test).not.toEqual(s.test);
  });

  it('k-fold without shuffle takes contiguous blocks, first n mod k folds one larger', () => {
    const folds = kFold(7, { k: 3 });
    expect(folds.map((f) => [...f.test])).toEqual([
      [0, 1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect([...folds[1].train]).toEqual([0, 1, 2, 5, 6]);
    const shuffled = kFold(100, { k: 5, shuffle: true, seed: 1 });
    const all = shuffled.flatMap((f) => [...f.test]).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(() => kFold(3, { k: 1 })).toThrow(EngineError);
  });
});

describe('fitTabularTransformer', () => {
  it('imputes, scales, one-hot encodes and reports groups and names', () => {
    const { X, featureGroups, outputColumnNames, transformer } = fitTabularTransformer(table, spec);
    expect(outputColumnNames).toEqual([
      'income',
      'age',
      'profession=Artist',
      'profession=Doctor',
      'profession=Engineer',
      'profession=Unknown',
    ]);
    expect(featureGroups).toEqual([
      { name: 'income', columns: [0] },
      { name: 'age', columns: [1] },
      { name: 'profession', columns: [2, 3, 4, 5] },
    ]);
    expect(transformer.medians[0]).toBe(30);
    expect(X.data[2 * 6]).toBeCloseTo(0, 12); // median-imputed row sits at the mean 30
    expect(X.data[1]).toBe(0); // constant column: (1 - 1) / 1
    expect([...rowView(X, 2).subarray(2)]).toEqual([0, 0, 0, 1]);
  });

  it('encodes a single raw row exactly like the same row inside the table, without the target', () => {
    const { X, transformer } = fitTabularTransformer(table, spec);
    for (let i = 0; i < table.nRows; i++) {
      const one = transformer.transform(selectTableRows(table, [i]));
      expect(one.data).toEqual(rowView(X, i));
    }
    const single = transformer.transform([{ income: 40, age: 1, profession: 'Doctor', spending_score: 3 }]);
    expect(single.data).toEqual(rowView(X, 3));
    const unseen = transformer.transform([{ income: 40, age: 1, profession: 'Pilot' }]);
    expect([...unseen.data.subarray(2)]).toEqual([0, 0, 0, 0]);
    expect(() => transformer.transform([{ income: 1, profession: 'Doctor' }])).toThrow(EngineError);
  });

  it('survives JSON and encodes identically afterwards', () => {
    const { X, transformer } = fitTabularTransformer(table, { ...spec, dropFirst: true });
    const back = tabularTransformerFromJSON(JSON.parse(JSON.stringify(transformer.toJSON())));
    expect(back.transform(table).data).toEqual(X.data);
    expect(back.outputColumnNames).toEqual(transformer.outputColumnNames);
    expect(() => tabularTransformerFromJSON({ kind: 'x', version: 1, params: {} })).toThrow(EngineError);
  });

  it('builds tables from records, treating empty strings as missing', () => {
    const t = tableFromRecords(
      [
        { a: '1.5', b: '' },
        { a: '', b: 'x' },
      ],
      { numeric: ['a'], categorical: ['b'] },
    );
    expect(Number.isNaN(t.columns.a.values[1] as number)).toBe(true);
    expect(t.columns.b.values).toEqual([null, 'x']);
  });
});
