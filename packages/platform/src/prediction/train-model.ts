/**
 * Trains a new spending-model version on a tenant's stored customers and stores it (artifact,
 * metrics, interval), active unless told otherwise.
 */
import type { SpendingModel } from '@cohortlens/engine';
import type { Config } from '../config/index.js';
import { insertModelVersion, type Db, type Tenant } from '../db/index.js';
import { loadTenantTable } from '../datasets/load-tenant-table.js';
import { predictionOptions, type AnalysisOverrides } from '../pipeline/analysis-options.js';
import { describeModel, type ModelDescription } from './describe-model.js';
import { trainSpendingModel } from './train-spending-model.js';

export interface TrainModelResult extends ModelDescription {
  version: number;
}

export async function trainModel(
  db: Db,
  tenant: Tenant,
  config: Config,
  overrides: AnalysisOverrides = {},
): Promise<TrainModelResult> {
  const { table } = await loadTenantTable(db, tenant);
  const options = predictionOptions(config, overrides);
  const model = await trainSpendingModel(table, options);
  const version = await saveModelVersion(db, tenant.id, model);
  return { ...describeModel(model, options.algorithm), version };
}

export async function saveModelVersion(db: Db, tenantId: string, model: SpendingModel): Promise<number> {
  const cv = model.metrics.crossValidation;
  const record = await insertModelVersion(db, tenantId, {
    algorithm: model.algorithm,
    target: model.target,
    parameters: { features: model.featureNames },
    metrics: {
      crossValidation: cv ? { folds: cv.k, mean: cv.mean, perFold: cv.folds } : null,
      holdout: model.metrics.holdout ?? null,
      interval: model.interval,
      trainingRows: model.trainingRows,
    },
    artifact: model.toJSON(),
  });
  return record.version;
}
