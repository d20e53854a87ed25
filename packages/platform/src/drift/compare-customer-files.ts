/**
 * `cohortlens drift --reference FILE --current FILE`: per-feature drift tests chosen as Evidently
 * does by default, with an effect size beside every p-value, and dataset drift.
 */
import { detectDrift, type DriftResult } from '@cohortlens/engine';
import type { Config } from '../config/index.js';
import { customersToTable } from '../datasets/customer-table.js';
import { readCustomerFile, type ReadCustomerFileOptions } from '../datasets/read-customer-file.js';
import { customerDriftTable } from './customer-drift-table.js';
import { driftOptions } from './drift-options.js';

export interface FeatureDriftSummary {
  test: string;
  statistic: number;
  p_value: number | null;
  effect_size: number;
  effect_size_name: string;
  threshold: number;
  drift: boolean;
  psi: number | null;
  psi_band: string | null;
  /** PSI at or above `drift.psi_threshold` (an alert beside the test's verdict; null for categoricals). */
  psi_alert: boolean | null;
}

/** The CLI's documented drift document (snake_case, as the REST API's JSON). */
export interface DriftReportDocument {
  features: Record<string, FeatureDriftSummary>;
  drift_share: number;
  dataset_drift: boolean;
  drift_share_threshold: number;
  number_of_columns: number;
  number_of_drifted_columns: number;
  skipped_columns: { column: string; reason: string }[];
}

export async function compareCustomerFiles(
  config: Config,
  referencePath: string,
  currentPath: string,
  read: ReadCustomerFileOptions = {},
): Promise<DriftReportDocument> {
  const options = { idColumn: config.features.idColumn, ...read };
  const [reference, current] = await Promise.all([
    readCustomerFile(referencePath, options),
    readCustomerFile(currentPath, options),
  ]);
  const result = detectDrift(
    customerDriftTable(customersToTable(reference.customers).table),
    customerDriftTable(customersToTable(current.customers).table),
    driftOptions(config),
  );
  return driftDocument(result, config.drift.psiThreshold);
}

/** The documented drift document; `psiThreshold` (config `drift.psi_threshold`) sets `psi_alert`. */
export function driftDocument(result: DriftResult, psiThreshold = 0.1): DriftReportDocument {
  const features: Record<string, FeatureDriftSummary> = {};
  for (const [name, f] of Object.entries(result.features)) {
    features[name] = {
      test: f.test,
      statistic: f.statistic,
      p_value: f.pValue,
      effect_size: f.effectSize,
      effect_size_name: f.effectSizeName,
      threshold: f.threshold,
      drift: f.drift,
      psi: f.psi ?? null,
      psi_band: f.psiBand ?? null,
      psi_alert: f.psi === undefined ? null : f.psi >= psiThreshold,
    };
  }
  return {
    features,
    drift_share: result.driftShare,
    dataset_drift: result.datasetDrift,
    drift_share_threshold: result.driftShareThreshold,
    number_of_columns: result.numberOfColumns,
    number_of_drifted_columns: result.numberOfDriftedColumns,
    skipped_columns: result.skippedColumns.map((s) => ({ column: s.column, reason: s.reason })),
  };
}
