/** A tenant's live customers as an analysis table, with their row ids for assignments. */
import { loadCustomerTable, type Db, type Tenant } from '../db/index.js';
import { AppError } from '../errors/app-error.js';
import { storedCustomersToTable, type AnalysisTable } from './customer-table.js';

export interface TenantTable extends AnalysisTable {
  /** customers.id of every row, for segment assignments and predictions. */
  customerPks: readonly number[];
}

/** @throws AppError NO_CUSTOMERS when the tenant has none yet. */
export async function loadTenantTable(db: Db, tenant: Tenant): Promise<TenantTable> {
  const stored = await loadCustomerTable(db, tenant.id);
  if (stored.length === 0) {
    throw new AppError('NO_CUSTOMERS', 'invalid_input', `Tenant "${tenant.slug}" has no customers yet`, {
      details: { tenant: tenant.slug, hint: 'import a file first: cohortlens import FILE' },
    });
  }
  return { ...storedCustomersToTable(stored), customerPks: stored.ids };
}
