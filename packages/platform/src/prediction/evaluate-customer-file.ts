/**
 * `cohortlens predict --data FILE`: trains the spending model on a file and reports its
 * cross-validated and hold-out metrics, without a database.
 */
import type { Config } from '../config/index.js';
import { customersToTable } from '../datasets/customer-table.js';
import { readCustomerFile, type ReadCustomerFileOptions } from '../datasets/read-customer-file.js';
import { predictionOptions, type AnalysisOverrides } from '../pipeline/analysis-options.js';
import { describeModel, type ModelDescription } from './describe-model.js';
import { trainSpendingModel } from './train-spending-model.js';

export interface EvaluateFileResult extends ModelDescription {
  rowsRead: number;
  rowsRejected: number;
}

export async function evaluateCustomerFile(
  config: Config,
  path: string,
  overrides: AnalysisOverrides = {},
  read: ReadCustomerFileOptions = {},
): Promise<EvaluateFileResult> {
  const dataset = await readCustomerFile(path, { idColumn: config.features.idColumn, ...read });
  const { table } = customersToTable(dataset.customers);
  const options = predictionOptions(config, overrides);
  const model = await trainSpendingModel(table, options);
  return {
    ...describeModel(model, options.algorithm),
    rowsRead: dataset.rowsRead,
    rowsRejected: dataset.rowsRejected,
  };
}
