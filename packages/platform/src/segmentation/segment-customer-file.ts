/**
 * `cohortlens segment --data FILE`: segments a customer file without a database and describes
 * the result in the CLI's documented JSON shape.
 */
import type { Config } from '../config/index.js';
import { customersToTable } from '../datasets/customer-table.js';
import { readCustomerFile, type ReadCustomerFileOptions } from '../datasets/read-customer-file.js';
import { segmentationOptions, type AnalysisOverrides } from '../pipeline/analysis-options.js';
import { segmentTable, type SegmentationOutcome } from './segment-table.js';

export interface SegmentFileResult {
  algorithm: string;
  k: number;
  silhouette: number | null;
  inertia: number;
  /** Customers per segment id (DBSCAN noise under "-1"). */
  sizes: Record<string, number>;
  profiles: SegmentProfileSummary[];
  kSelection: SegmentationOutcome['kSelection'];
  rowsRead: number;
  rowsRejected: number;
  rowsUsed: number;
  warnings: string[];
  /** customer_id and segment of every row used, in input order (for --labels-out). */
  assignments: { customerId: string; segment: number }[];
}

export interface SegmentProfileSummary {
  segment: number;
  label: string;
  size: number;
  share: number;
  means: Record<string, number>;
  medians: Record<string, number>;
  categorical: Record<string, Record<string, number>>;
  action: string;
  recommendations: { title: string; rationale: string }[];
}

export async function segmentCustomerFile(
  config: Config,
  path: string,
  overrides: AnalysisOverrides = {},
  read: ReadCustomerFileOptions = {},
): Promise<SegmentFileResult> {
  const dataset = await readCustomerFile(path, { idColumn: config.features.idColumn, ...read });
  const { table, customerIds } = customersToTable(dataset.customers);
  const outcome = await segmentTable(table, segmentationOptions(config, overrides));
  return {
    ...describeSegmentation(outcome),
    rowsRead: dataset.rowsRead,
    rowsRejected: dataset.rowsRejected,
    assignments: Array.from(outcome.rowIndices, (row, r) => ({
      customerId: customerIds[row],
      segment: outcome.labels[r],
    })),
  };
}

/** The documented summary of a segmentation outcome (shared by the CLI and, later, the API). */
export function describeSegmentation(outcome: SegmentationOutcome) {
  const sizes: Record<string, number> = {};
  for (const p of outcome.profiles) sizes[String(p.segment)] = p.size;
  const profiles: SegmentProfileSummary[] = outcome.profiles.map((p) => {
    const rec = outcome.recommendations.find((r) => r.segmentId === p.segment);
    return {
      segment: p.segment,
      label: p.label,
      size: p.size,
      share: p.share,
      means: Object.fromEntries(Object.entries(p.numeric).map(([k, v]) => [k, v.mean])),
      medians: Object.fromEntries(Object.entries(p.numeric).map(([k, v]) => [k, v.median])),
      categorical: p.categorical,
      action: rec?.action ?? '',
      recommendations: (rec?.recommendations ?? []).map((r) => ({ title: r.title, rationale: r.rationale })),
    };
  });
  return {
    algorithm: outcome.algorithm,
    k: outcome.k,
    silhouette: outcome.silhouette,
    inertia: outcome.inertia,
    sizes,
    profiles,
    kSelection: outcome.kSelection,
    rowsUsed: outcome.rowsUsed,
    warnings: outcome.warnings,
  };
}
