/**
 * Drift of a tenant's stored customers against its active baseline, and saving a new baseline
 * (a compact summary — quantile sketches and category counts — never every raw value).
 */
import { buildDriftBaseline, detectDriftFromBaseline } from '@cohortlens/engine';
import {
  getActiveDriftBaseline,
  insertDriftCheck,
  saveDriftBaseline,
  type Db,
  type Tenant,
} from '../db/index.js';
import { loadTenantTable } from '../datasets/load-tenant-table.js';
import { AppError } from '../errors/app-error.js';
import { driftDocument, type DriftReportDocument } from './compare-customer-files.js';
import { customerDriftTable } from './customer-drift-table.js';
import { driftOptions } from './drift-options.js';
import type { Config } from '../config/index.js';

export interface TenantDriftResult extends DriftReportDocument {
  baseline: { id: string; createdAt: string; rowCount: number };
}

type DriftConfig = Pick<Config, 'drift' | 'features'>;

/**
 * @param config the drift thresholds and id column (defaults: Evidently's thresholds, PSI alert at 0.1).
 * @throws AppError DRIFT_BASELINE_MISSING when no baseline was saved yet.
 */
export async function checkTenantDrift(
  db: Db,
  tenant: Tenant,
  config?: DriftConfig,
): Promise<TenantDriftResult> {
  const baseline = await getActiveDriftBaseline(db, tenant.id);
  if (!baseline) {
    throw new AppError('DRIFT_BASELINE_MISSING', 'not_found', 'No drift baseline has been saved yet', {
      details: { hint: 'save one with: cohortlens drift --save-baseline' },
    });
  }
  const { table } = await loadTenantTable(db, tenant);
  const options = config ? driftOptions(config) : { idColumns: ['customer_id'] };
  const result = detectDriftFromBaseline(baseline.baseline, customerDriftTable(table), options);
  const document = driftDocument(result, config?.drift.psiThreshold);
  await insertDriftCheck(db, tenant.id, {
    baselineId: baseline.id,
    driftDetected: result.datasetDrift,
    result: document,
  });
  return {
    ...document,
    baseline: { id: baseline.id, createdAt: baseline.createdAt.toISOString(), rowCount: baseline.rowCount },
  };
}

export async function saveTenantBaseline(db: Db, tenant: Tenant, config?: DriftConfig) {
  const { table } = await loadTenantTable(db, tenant);
  const baseline = buildDriftBaseline(customerDriftTable(table), {
    idColumns: config ? driftOptions(config).idColumns : ['customer_id'],
  });
  const saved = await saveDriftBaseline(db, tenant.id, { baseline, rowCount: table.nRows });
  return { id: saved.id, createdAt: saved.createdAt.toISOString(), rowCount: saved.rowCount };
}
