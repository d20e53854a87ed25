/**
 * The main job (`cohortlens run`): load → clean → segment (automatic k) → train and
 * cross-validate → global explanation → correlations → savings → recommendations → drift against
 * the active baseline → persist the run (segments, model version, metrics) → executive report.
 *
 * Two sources: a customer file (file mode: no database is touched, nothing is persisted) or the
 * tenant's stored customers (persisted, compared with the tenant's drift baseline).
 */
import { basename } from 'node:path';
import { detectDriftFromBaseline } from '@cohortlens/engine';
import type { Config } from '../config/index.js';
import type { ColumnTarget } from '../customers/index.js';
import { getActiveDriftBaseline, type Db, type Tenant } from '../db/index.js';
import { customersToTable } from '../datasets/customer-table.js';
import { loadTenantTable } from '../datasets/load-tenant-table.js';
import { saveModelVersion } from '../prediction/train-model.js';
import { saveSegmentationRun } from '../segmentation/run-segmentation.js';
import { readCustomerFile } from '../datasets/read-customer-file.js';
import { customerDriftTable } from '../drift/customer-drift-table.js';
import { driftOptions } from '../drift/drift-options.js';
import {
  resolveReportSelection,
  writeReport,
  type ReportFormat,
  type WriteReportResult,
} from '../reports/index.js';
import { analyzeCustomers, type AnalysisStep, type CustomerAnalysis } from './analyze-customers.js';
import type { AnalysisOverrides } from './analysis-options.js';
import { buildReportModel, type ReportContext } from './build-report-model.js';
import { writeScoredCustomers } from './write-scored-customers.js';

export type PipelineStep = 'load' | AnalysisStep | 'drift' | 'persist' | 'report';

export type PipelineSource =
  | { kind: 'file'; path: string; mapping?: Record<string, ColumnTarget> }
  | { kind: 'tenant'; db: Db; tenant: Tenant };

export interface RunPipelineOptions extends AnalysisOverrides {
  source: PipelineSource;
  outputDir: string;
  format: ReportFormat;
  /** Also write each figure as SVG and PNG (at `reporting.dpi`) here; usually `reporting.figures_path`. */
  figuresDir?: string;
  /** Write scored-customers.csv (segment, prediction, interval, savings) here; usually `data.processed_path`. */
  processedDir?: string;
  metrics?: readonly string[];
  figures?: readonly string[];
  /** Shown on the report (file mode: defaults to the file name). */
  tenantName?: string;
  onStep?: (step: PipelineStep) => void;
  /** Tenant mode: store the segmentation run and model version (default true). */
  persist?: boolean;
  now?: () => Date;
}

export interface PipelineResult {
  rowsRead: number;
  rowsRejected: number;
  analysis: CustomerAnalysis;
  reports: WriteReportResult;
  /** The scored-customers.csv written, when `processedDir` was given. */
  scoredCustomers: string | null;
  persisted: { segmentationRunId: string; modelVersion: number } | null;
  driftChecked: boolean;
  timings: Record<PipelineStep, number>;
}

export async function runPipeline(config: Config, options: RunPipelineOptions): Promise<PipelineResult> {
  const timings = {} as Record<PipelineStep, number>;
  const step = async <T>(name: PipelineStep, run: () => Promise<T>): Promise<T> => {
    options.onStep?.(name);
    const started = performance.now();
    const result = await run();
    timings[name] = Math.round(performance.now() - started);
    return result;
  };
  const { source } = options;
  // Fail on an unknown metric or figure name before minutes of analysis, not after.
  resolveReportSelection({
    ...(options.metrics ? { metrics: [...options.metrics] } : {}),
    ...(options.figures ? { figures: [...options.figures] } : {}),
  });

  const loaded = await step('load', () => load(config, source));
  const analysis = await analyzeCustomers(loaded.table, config, {
    ...options,
    onStep: (s) => options.onStep?.(s),
  });
  Object.assign(timings, analysis.timings);

  let drift: ReportContext['drift'];
  if (source.kind === 'tenant') {
    drift = await step('drift', async () => {
      const baseline = await getActiveDriftBaseline(source.db, source.tenant.id);
      if (!baseline) return undefined;
      return {
        result: detectDriftFromBaseline(
          baseline.baseline,
          customerDriftTable(loaded.table),
          driftOptions(config),
        ),
        baselineLabel: `Baseline of ${baseline.createdAt.toISOString().slice(0, 10)} (${baseline.rowCount.toLocaleString('en-US')} customers)`,
      };
    });
  }
  const persisted =
    source.kind === 'tenant' && options.persist !== false
      ? await step('persist', () => persist(source.db, source.tenant.id, loaded.customerPks!, analysis))
      : null;

  const reports = await step('report', () => {
    const model = buildReportModel(loaded.table, analysis, {
      tenantName:
        options.tenantName ?? (source.kind === 'tenant' ? source.tenant.name : basename(source.path)),
      generatedAt: (options.now ?? (() => new Date()))(),
      rowsRead: loaded.rowsRead,
      rowsRejected: loaded.rowsRejected,
      drift,
    });
    return writeReport(model, {
      outputDir: options.outputDir,
      format: options.format,
      ...(options.figuresDir ? { figureFiles: { dir: options.figuresDir, dpi: config.reporting.dpi } } : {}),
      ...(options.metrics ? { metrics: [...options.metrics] } : {}),
      ...(options.figures ? { figures: [...options.figures] } : {}),
    });
  });
  const scoredCustomers = options.processedDir
    ? await writeScoredCustomers(options.processedDir, loaded.table, loaded.customerIds, analysis)
    : null;
  return {
    scoredCustomers,
    rowsRead: loaded.rowsRead,
    rowsRejected: loaded.rowsRejected,
    analysis,
    reports,
    persisted,
    driftChecked: drift !== undefined,
    timings,
  };
}

async function load(config: Config, source: PipelineSource) {
  if (source.kind === 'file') {
    const dataset = await readCustomerFile(source.path, {
      idColumn: config.features.idColumn,
      ...(source.mapping ? { mapping: source.mapping } : {}),
    });
    return {
      ...customersToTable(dataset.customers),
      rowsRead: dataset.rowsRead,
      rowsRejected: dataset.rowsRejected,
      customerPks: null,
    };
  }
  const stored = await loadTenantTable(source.db, source.tenant);
  return { ...stored, rowsRead: stored.table.nRows, rowsRejected: 0 };
}

async function persist(db: Db, tenantId: string, customerPks: readonly number[], analysis: CustomerAnalysis) {
  return db.transaction(async (tx) => ({
    segmentationRunId: await saveSegmentationRun(tx, tenantId, analysis.segmentation, customerPks),
    modelVersion: await saveModelVersion(tx, tenantId, analysis.model),
  }));
}
