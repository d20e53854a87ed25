/**
 * Segments a tenant's stored customers and persists the run: assignments (FK to customers),
 * profiles, recommendations and the fitted scaler + clusterer, made the tenant's active run.
 */
import type { Config } from '../config/index.js';
import { insertSegmentationRun, type Db, type Tenant } from '../db/index.js';
import { loadTenantTable } from '../datasets/load-tenant-table.js';
import { segmentationOptions, type AnalysisOverrides } from '../pipeline/analysis-options.js';
import { describeSegmentation } from './segment-customer-file.js';
import { segmentTable, type SegmentationOutcome } from './segment-table.js';

export interface RunSegmentationResult extends ReturnType<typeof describeSegmentation> {
  runId: string;
}

export async function runSegmentation(
  db: Db,
  tenant: Tenant,
  config: Config,
  overrides: AnalysisOverrides = {},
): Promise<RunSegmentationResult> {
  const { table, customerPks } = await loadTenantTable(db, tenant);
  const outcome = await segmentTable(table, segmentationOptions(config, overrides));
  const runId = await saveSegmentationRun(db, tenant.id, outcome, customerPks);
  return { ...describeSegmentation(outcome), runId };
}

/** Stores an outcome whose rows index `customerPks`; returns the run id. */
export async function saveSegmentationRun(
  db: Db,
  tenantId: string,
  outcome: SegmentationOutcome,
  customerPks: readonly number[],
): Promise<string> {
  const run = await insertSegmentationRun(db, tenantId, {
    algorithm: outcome.algorithm,
    k: outcome.k,
    parameters: { features: outcome.features, kSelection: outcome.kSelection },
    metrics: { silhouette: outcome.silhouette, inertia: outcome.inertia, rowsUsed: outcome.rowsUsed },
    profiles: { profiles: outcome.profiles, recommendations: outcome.recommendations },
    model: outcome.artifact,
    assignments: {
      customerPks: Array.from(outcome.rowIndices, (row) => customerPks[row]),
      segments: outcome.labels,
    },
  });
  return run.id;
}
