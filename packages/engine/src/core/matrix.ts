import { EngineError } from './engine-error.js';

/** A dense row-major matrix of doubles: element (i, j) lives at data[i * cols + j]. */
export interface Matrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** A zero-filled matrix. */
export function createMatrix(rows: number, cols: number): Matrix {
  return { data: new Float64Array(rows * cols), rows, cols };
}

/** Wraps an existing buffer, checking that its length fits the shape. */
export function matrixFrom(data: Float64Array, rows: number, cols: number): Matrix {
  if (data.length !== rows * cols) {
    throw new EngineError('INVALID_SHAPE', `buffer of ${data.length} values cannot hold ${rows}×${cols}`);
  }
  return { data, rows, cols };
}

/** Converts nested arrays (one per row) into a matrix; every row must have the same length. */
export function matrixFromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix {
  const n = rows.length;
  const cols = n === 0 ? 0 : rows[0].length;
  const out = createMatrix(n, cols);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row.length !== cols) {
      throw new EngineError('INVALID_SHAPE', `row ${i} has ${row.length} values, expected ${cols}`);
    }
    out.data.set(row as ArrayLike<number>, i * cols);
  }
  return out;
}

/** A view (no copy) of row i. */
export function rowView(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** A copy of column j. */
export function columnOf(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0, k = j; i < m.rows; i++, k += m.cols) out[i] = m.data[k];
  return out;
}

/** A new matrix holding the given rows, in the given order. */
export function selectRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const out = createMatrix(indices.length, m.cols);
  for (let r = 0; r < indices.length; r++) {
    const src = indices[r] * m.cols;
    out.data.set(m.data.subarray(src, src + m.cols), r * m.cols);
  }
  return out;
}

/** Throws NON_FINITE_INPUT when any value is NaN or ±Infinity. Use at public entry points only. */
export function assertFinite(m: Matrix, what = 'input'): void {
  const d = m.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k])) {
      const row = Math.floor(k / Math.max(1, m.cols));
      throw new EngineError(
        'NON_FINITE_INPUT',
        `${what} has a non-finite value at row ${row}, column ${k % m.cols}`,
        {
          row,
          column: k % m.cols,
        },
      );
    }
  }
}
