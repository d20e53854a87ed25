import { EngineError } from '../core/engine-error.js';

/** A numeric column: NaN marks a missing value. */
export interface NumericColumn {
  readonly type: 'numeric';
  readonly values: Float64Array;
}

/** A categorical column: null marks a missing value. */
export interface CategoricalColumn {
  readonly type: 'categorical';
  readonly values: ReadonlyArray<string | null>;
}

export type TableColumn = NumericColumn | CategoricalColumn;

/** A small columnar table: named columns of equal length. */
export interface Table {
  readonly nRows: number;
  readonly columnNames: readonly string[];
  readonly columns: Readonly<Record<string, TableColumn>>;
}

/** A raw row as the API receives it: numbers (null/undefined/NaN = missing) and strings (null = missing). */
export type RawRow = Readonly<Record<string, unknown>>;

/** Which columns of raw records are numeric and which are categorical. */
export interface TableSchema {
  readonly numeric: readonly string[];
  readonly categorical: readonly string[];
}

/** Builds a table from columns, checking that all have the same length. */
export function createTable(columns: Record<string, TableColumn>): Table {
  const names = Object.keys(columns);
  const nRows = names.length === 0 ? 0 : columns[names[0]].values.length;
  for (const name of names) {
    if (columns[name].values.length !== nRows) {
      throw new EngineError(
        'INVALID_SHAPE',
        `column ${name} has ${columns[name].values.length} values, expected ${nRows}`,
      );
    }
  }
  return { nRows, columnNames: names, columns: { ...columns } };
}

/** Numeric column helper. */
export const numericColumn = (values: ArrayLike<number>): NumericColumn => ({
  type: 'numeric',
  values: Float64Array.from(values),
});

/** Categorical column helper. */
export const categoricalColumn = (values: ReadonlyArray<string | null>): CategoricalColumn => ({
  type: 'categorical',
  values: [...values],
});

/**
 * Converts raw records into a table. Numeric cells: numbers or numeric strings; null, undefined,
 * '' and NaN are missing. Categorical cells: strings (numbers are stringified); null, undefined and
 * '' are missing. A column absent from EVERY record raises MISSING_FEATURE (it is a wrong schema,
 * not a missing value).
 */
export function tableFromRecords(records: readonly RawRow[], schema: TableSchema): Table {
  const columns: Record<string, TableColumn> = {};
  for (const name of [...schema.numeric, ...schema.categorical]) {
    if (records.length > 0 && records.every((r) => !(name in r))) {
      throw new EngineError('MISSING_FEATURE', `feature ${name} is missing from the input`, {
        feature: name,
      });
    }
  }
  for (const name of schema.numeric) {
    const values = new Float64Array(records.length);
    for (let i = 0; i < records.length; i++) values[i] = toNumber(records[i][name], name, i);
    columns[name] = { type: 'numeric', values };
  }
  for (const name of schema.categorical) {
    const values: (string | null)[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) values[i] = toCategory(records[i][name], name, i);
    columns[name] = { type: 'categorical', values };
  }
  return createTable(columns);
}

function toNumber(v: unknown, name: string, row: number): number {
  if (v === null || v === undefined || v === '') return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    if (!Number.isNaN(n)) return n;
  }
  throw new EngineError('NON_FINITE_INPUT', `feature ${name} at row ${row} is not a number`, {
    feature: name,
    row,
  });
}

function toCategory(v: unknown, name: string, row: number): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new EngineError('INVALID_SHAPE', `feature ${name} at row ${row} is not a category`, {
    feature: name,
    row,
  });
}

/** A new table with the given rows, in the given order. */
export function selectTableRows(table: Table, indices: ArrayLike<number>): Table {
  const columns: Record<string, TableColumn> = {};
  for (const name of table.columnNames) {
    const col = table.columns[name];
    if (col.type === 'numeric') {
      const values = new Float64Array(indices.length);
      for (let i = 0; i < indices.length; i++) values[i] = col.values[indices[i]];
      columns[name] = { type: 'numeric', values };
    } else {
      const values: (string | null)[] = new Array(indices.length);
      for (let i = 0; i < indices.length; i++) values[i] = col.values[indices[i]];
      columns[name] = { type: 'categorical', values };
    }
  }
  return { nRows: indices.length, columnNames: table.columnNames, columns };
}

/** The named numeric column, or MISSING_FEATURE / INVALID_SHAPE. */
export function getNumericColumn(table: Table, name: string): Float64Array {
  const col = table.columns[name];
  if (!col) throw new EngineError('MISSING_FEATURE', `column ${name} is missing`, { feature: name });
  if (col.type !== 'numeric') {
    throw new EngineError('INVALID_SHAPE', `column ${name} is not numeric`, { feature: name });
  }
  return col.values;
}

/** The named categorical column, or MISSING_FEATURE / INVALID_SHAPE. */
export function getCategoricalColumn(table: Table, name: string): ReadonlyArray<string | null> {
  const col = table.columns[name];
  if (!col) throw new EngineError('MISSING_FEATURE', `column ${name} is missing`, { feature: name });
  if (col.type !== 'categorical') {
    throw new EngineError('INVALID_SHAPE', `column ${name} is not categorical`, { feature: name });
  }
  return col.values;
}
