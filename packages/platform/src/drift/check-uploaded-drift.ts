/**
 * Drift of an uploaded customer file (REST `POST /drift`) for one tenant: compared with the
 * tenant's active baseline, or — when no baseline was saved yet — with the tenant's stored
 * customers as the reference. The check is recorded in the tenant's drift history either way.
 */
import { detectDrift, detectDriftFromBaseline } from '@cohortlens/engine';
import type { Config } from '../config/index.js';
import type { CsvSource } from '../customers/index.js';
import { customersToTable } from '../datasets/customer-table.js';
import { loadTenantTable } from '../datasets/load-tenant-table.js';
import { readCustomerFile } from '../datasets/read-customer-file.js';
import { getActiveDriftBaseline, insertDriftCheck, type Db, type Tenant } from '../db/index.js';
import { driftDocument, type DriftReportDocument } from './compare-customer-files.js';
import { customerDriftTable } from './customer-drift-table.js';
import { driftOptions } from './drift-options.js';

/** What the upload was compared with. */
export type DriftReference =
  | { kind: 'baseline'; id: string; createdAt: string; rowCount: number }
  | { kind: 'customers'; rowCount: number };

export interface UploadedDriftResult extends DriftReportDocument {
  reference: DriftReference;
  /** Rows of the upload used (valid) and rejected. */
  rowsUsed: number;
  rowsRejected: number;
}

/**
 * @throws AppError IMPORT_* / IMPORT_NO_ROWS for an unreadable upload; NO_CUSTOMERS when there is
 *   neither a baseline nor stored customers to compare with.
 */
export async function checkUploadedDrift(
  db: Db,
  tenant: Tenant,
  config: Pick<Config, 'features' | 'drift'>,
  upload: CsvSource,
): Promise<UploadedDriftResult> {
  const dataset = await readCustomerFile(upload, { idColumn: config.features.idColumn });
  const current = customerDriftTable(customersToTable(dataset.customers).table);
  const options = driftOptions(config);
  const baseline = await getActiveDriftBaseline(db, tenant.id);
  let reference: DriftReference;
  let document: DriftReportDocument;
  if (baseline) {
    document = driftDocument(
      detectDriftFromBaseline(baseline.baseline, current, options),
      config.drift.psiThreshold,
    );
    reference = {
      kind: 'baseline',
      id: baseline.id,
      createdAt: baseline.createdAt.toISOString(),
      rowCount: baseline.rowCount,
    };
  } else {
    const { table } = await loadTenantTable(db, tenant);
    document = driftDocument(
      detectDrift(customerDriftTable(table), current, options),
      config.drift.psiThreshold,
    );
    reference = { kind: 'customers', rowCount: table.nRows };
  }
  await insertDriftCheck(db, tenant.id, {
    baselineId: baseline?.id ?? null,
    driftDetected: document.dataset_drift,
    result: { ...document, source: 'upload', reference: reference.kind },
  });
  return {
    ...document,
    reference,
    rowsUsed: dataset.customers.length,
    rowsRejected: dataset.rowsRejected,
  };
}
