/**
 * Cleaned customers → the engine's columnar table, and the check that an analysis has the
 * fields it needs (a file without professions still imports; a model that needs them says so).
 */
import { createTable, type Table } from '@cohortlens/engine';
import type { ImportedCustomer } from '../customers/index.js';
import { AppError } from '../errors/app-error.js';
import type { CustomerTable as CustomerColumns } from '../db/index.js';

const NUMERIC_FIELDS = ['age', 'annual_income', 'spending_score', 'work_experience', 'family_size'] as const;
const CATEGORICAL_FIELDS = ['gender', 'profession'] as const;

const NUMERIC_KEYS: Record<(typeof NUMERIC_FIELDS)[number], keyof ImportedCustomer> = {
  age: 'age',
  annual_income: 'annualIncome',
  spending_score: 'spendingScore',
  work_experience: 'workExperience',
  family_size: 'familySize',
};

/** A table with snake_case columns (numeric NaN / categorical null for missing) plus the ids in row order. */
export interface AnalysisTable {
  table: Table;
  customerIds: string[];
}

export function customersToTable(customers: readonly ImportedCustomer[]): AnalysisTable {
  const n = customers.length;
  const columns: Parameters<typeof createTable>[0] = {};
  for (const field of NUMERIC_FIELDS) {
    const key = NUMERIC_KEYS[field];
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = customers[i][key];
      values[i] = typeof v === 'number' ? v : NaN;
    }
    columns[field] = { type: 'numeric', values };
  }
  for (const field of CATEGORICAL_FIELDS) {
    columns[field] = { type: 'categorical', values: customers.map((c) => c[field]) };
  }
  return { table: createTable(columns), customerIds: customers.map((c) => c.customerId) };
}

/**
 * Fails with DATA_FIELD_MISSING when a field the analysis needs has no value at all
 * (the file had no such column, or every cell was blank).
 */
export function requireFields(table: Table, fields: readonly string[], purpose: string): void {
  const missing = fields.filter((name) => {
    const column = table.columns[name];
    if (!column) return true;
    if (column.type === 'numeric') return column.values.every((v) => Number.isNaN(v));
    return column.values.every((v) => v === null || v === 'Unknown');
  });
  if (missing.length > 0) {
    throw new AppError(
      'DATA_FIELD_MISSING',
      'invalid_input',
      `${purpose} needs ${missing.join(', ')}, but the data has no values for ${missing.length === 1 ? 'it' : 'them'}`,
      { details: { missing, purpose } },
    );
  }
}

/** The database's column snapshot of a tenant's customers as an analysis table. */
export function storedCustomersToTable(stored: CustomerColumns): AnalysisTable {
  const table = createTable({
    age: { type: 'numeric', values: stored.age },
    annual_income: { type: 'numeric', values: stored.annualIncome },
    spending_score: { type: 'numeric', values: stored.spendingScore },
    work_experience: { type: 'numeric', values: stored.workExperience },
    family_size: { type: 'numeric', values: stored.familySize },
    gender: { type: 'categorical', values: [...stored.gender] },
    profession: { type: 'categorical', values: [...stored.profession] },
  });
  return { table, customerIds: [...stored.customerIds] };
}
