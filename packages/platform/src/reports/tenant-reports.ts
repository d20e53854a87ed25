/**
 * Reports generated for a tenant through the API: analyse the tenant's stored customers, build the
 * report model, render HTML or PDF to bytes and store the bytes in the `reports` table. Nothing is
 * persisted besides the report (no new segmentation run or model version) and no file is written,
 * so nothing is left behind on the server's disk. The original ignored `format` (always HTML).
 */
import { detectDriftFromBaseline } from '@cohortlens/engine';
import type { Config } from '../config/index.js';
import { loadTenantTable } from '../datasets/load-tenant-table.js';
import {
  deleteReport,
  getActiveDriftBaseline,
  getReport,
  getTenantById,
  insertReport,
  listReports,
  type Db,
  type ReportRecord,
} from '../db/index.js';
import { customerDriftTable } from '../drift/customer-drift-table.js';
import { AppError } from '../errors/app-error.js';
import { requireRole, type Principal } from '../identity/index.js';
import type { AnalysisOverrides } from '../pipeline/analysis-options.js';
import { analyzeCustomers } from '../pipeline/analyze-customers.js';
import { buildReportModel } from '../pipeline/build-report-model.js';
import { prepareReport } from './prepare-report.js';
import { renderPreparedReportHtml } from './render-report-html.js';
import { renderPreparedReportPdf } from './render-report-pdf.js';
import { resolveReportSelection } from './report-selection.js';

export type StoredReportFormat = 'html' | 'pdf';

export const REPORT_CONTENT_TYPES: Record<StoredReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export interface GenerateTenantReportInput {
  format?: StoredReportFormat;
  /** Omitted: the configured defaults (`reporting.metrics` / `reporting.figures`); [] = none. */
  metrics?: readonly string[];
  figures?: readonly string[];
  /** Analysis overrides (tests use them to keep the run small). */
  analysis?: AnalysisOverrides;
  now?: Date;
}

const reportNotFound = (id: string) =>
  new AppError('REPORT_NOT_FOUND', 'not_found', `Report not found: ${id}`, { details: { id } });

/**
 * Generates and stores a report (analyst).
 * @throws AppError ROLE_REQUIRED, REPORT_UNKNOWN_METRIC / REPORT_UNKNOWN_FIGURE / REPORT_UNKNOWN_FORMAT
 *   (before any analysis), TENANT_NOT_FOUND, NO_CUSTOMERS, DATA_FIELD_MISSING
 */
export async function generateTenantReport(
  db: Db,
  config: Config,
  principal: Principal,
  input: GenerateTenantReportInput = {},
): Promise<ReportRecord> {
  requireRole(principal, 'analyst');
  const format = input.format ?? 'html';
  if (format !== 'html' && format !== 'pdf') {
    throw new AppError(
      'REPORT_UNKNOWN_FORMAT',
      'invalid_input',
      `Unknown report format: ${String(format)}.`,
      {
        details: { format, valid: ['html', 'pdf'] },
      },
    );
  }
  const selection = resolveReportSelection({
    metrics: input.metrics ?? config.reporting.metrics,
    figures: input.figures ?? config.reporting.figures,
  });
  const tenant = await getTenantById(db, principal.tenantId);
  if (!tenant) throw new AppError('TENANT_NOT_FOUND', 'not_found', 'Tenant not found.');

  const { table } = await loadTenantTable(db, tenant);
  const analysis = await analyzeCustomers(table, config, input.analysis ?? {});
  const baseline = await getActiveDriftBaseline(db, tenant.id);
  const drift = baseline
    ? {
        result: detectDriftFromBaseline(baseline.baseline, customerDriftTable(table), {
          idColumns: ['customer_id'],
        }),
        baselineLabel: `Baseline of ${baseline.createdAt.toISOString().slice(0, 10)} (${baseline.rowCount.toLocaleString('en-US')} customers)`,
      }
    : undefined;
  const model = buildReportModel(table, analysis, {
    tenantName: tenant.name,
    generatedAt: input.now ?? new Date(),
    rowsRead: table.nRows,
    rowsRejected: 0,
    drift,
  });
  const prepared = await prepareReport(model, selection);
  const content =
    format === 'pdf'
      ? new Uint8Array(await renderPreparedReportPdf(prepared))
      : new TextEncoder().encode(renderPreparedReportHtml(prepared));
  return insertReport(db, tenant.id, {
    format,
    title: model.title,
    metrics: selection.metrics,
    figures: selection.figures,
    content,
    contentType: REPORT_CONTENT_TYPES[format],
  });
}

/** The tenant's reports, newest first (viewer). */
export async function listTenantReports(
  db: Db,
  principal: Principal,
  options: { limit?: number; offset?: number } = {},
): Promise<ReportRecord[]> {
  requireRole(principal, 'viewer');
  return listReports(db, principal.tenantId, options);
}

/**
 * A stored report's bytes (viewer).
 * @throws AppError REPORT_NOT_FOUND (also for another tenant's id, or a report kept only as a file)
 */
export async function getTenantReportContent(
  db: Db,
  principal: Principal,
  id: string,
): Promise<ReportRecord & { content: Uint8Array; contentType: string }> {
  requireRole(principal, 'viewer');
  const report = await getReport(db, principal.tenantId, id);
  if (!report || report.content === null) throw reportNotFound(id);
  return {
    ...report,
    content: report.content,
    contentType: report.contentType ?? REPORT_CONTENT_TYPES[report.format],
  };
}

/** Deletes a report (analyst). @throws AppError REPORT_NOT_FOUND */
export async function deleteTenantReport(db: Db, principal: Principal, id: string): Promise<void> {
  requireRole(principal, 'analyst');
  if (!(await deleteReport(db, principal.tenantId, id))) throw reportNotFound(id);
}
