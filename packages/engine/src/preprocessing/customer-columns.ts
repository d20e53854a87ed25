import { EngineError } from '../core/engine-error.js';
import { createTable, type Table, type TableColumn } from './table.js';

/**
 * The original dataset's CSV headers and the snake_case feature names the engine uses
 * (the seed's config: numerical annual_income, age, work_experience, family_size; categorical
 * profession, gender; target spending_score).
 */
export const CUSTOMER_CSV_COLUMNS = {
  CustomerID: 'customer_id',
  Gender: 'gender',
  Age: 'age',
  'Annual Income ($)': 'annual_income',
  Profession: 'profession',
  'Work Experience': 'work_experience',
  'Family Size': 'family_size',
  'Spending Score (1-100)': 'spending_score',
} as const;

/** Numeric features of the spending model (the seed's config order). */
export const SPENDING_NUMERIC_FEATURES = ['annual_income', 'age', 'work_experience', 'family_size'] as const;

/** Categorical features of the spending model; gender is optional (add 'gender' to use it). */
export const SPENDING_CATEGORICAL_FEATURES = ['profession'] as const;

export const SPENDING_TARGET = 'spending_score';

const NUMERIC_CSV_COLUMNS = new Set([
  'customer_id',
  'age',
  'annual_income',
  'work_experience',
  'family_size',
  'spending_score',
]);

/**
 * Parses CSV text in the original layout (header row, comma-separated, NO quoted fields) into a
 * table with snake_case column names. Meant for fixtures and benchmarks; the platform's importer
 * (csv-parse, validation, error reporting) is the real ingestion path. Empty cells are missing.
 */
export function tableFromCustomerCsv(text: string): Table {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) throw new EngineError('EMPTY_INPUT', 'CSV text has no header');
  const header = lines[0].split(',').map((h) => {
    const name = (CUSTOMER_CSV_COLUMNS as Record<string, string>)[h.trim()];
    if (!name) throw new EngineError('INVALID_SHAPE', `unknown CSV column ${h}`);
    return name;
  });
  const n = lines.length - 1;
  const cells = header.map((name) =>
    NUMERIC_CSV_COLUMNS.has(name) ? new Float64Array(n) : (new Array<string | null>(n) as (string | null)[]),
  );
  for (let i = 0; i < n; i++) {
    const parts = lines[i + 1].split(',');
    if (parts.length !== header.length) {
      throw new EngineError(
        'INVALID_SHAPE',
        `CSV line ${i + 2} has ${parts.length} fields, expected ${header.length}`,
      );
    }
    for (let j = 0; j < header.length; j++) {
      const raw = parts[j].trim();
      const target = cells[j];
      if (target instanceof Float64Array) target[i] = raw === '' ? NaN : Number(raw);
      else target[i] = raw === '' ? null : raw;
    }
  }
  const columns: Record<string, TableColumn> = {};
  header.forEach((name, j) => {
    const c = cells[j];
    columns[name] =
      c instanceof Float64Array ? { type: 'numeric', values: c } : { type: 'categorical', values: c };
  });
  return createTable(columns);
}
