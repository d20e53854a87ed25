// Public API of the platform's reports area: one report model, rendered to HTML and PDF.
export * from './report-model.js';
export {
  resolveReportSelection,
  type ReportSelection,
  type ReportSelectionOptions,
} from './report-selection.js';
export { downsampleClusterPoints } from './downsample-cluster-points.js';
export {
  prepareReport,
  FIGURE_TITLES,
  type PreparedFigure,
  type PreparedMetricRow,
  type PreparedReport,
  type ReportRenderOptions,
} from './prepare-report.js';
export { renderReportHtml, renderPreparedReportHtml } from './render-report-html.js';
export { renderReportPdf, renderPreparedReportPdf, type ReportPdfOptions } from './render-report-pdf.js';
export {
  writeReport,
  safeReportFileName,
  type ReportFormat,
  type WriteReportOptions,
  type WriteReportResult,
} from './write-report.js';
export { writeFigureFiles, type FigureFiles } from './write-figure-files.js';
export { buildSampleReportModel } from './sample-report-model.js';
export * from './charts/index.js';
export {
  generateTenantReport,
  listTenantReports,
  getTenantReportContent,
  deleteTenantReport,
  REPORT_CONTENT_TYPES,
  type GenerateTenantReportInput,
  type StoredReportFormat,
} from './tenant-reports.js';
