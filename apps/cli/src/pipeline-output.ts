/**
 * Shared by `run`, `report` and `quickstart`: report options, step progress on a terminal, and the
 * documented summary of a pipeline result.
 */
import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { Config, PipelineResult, PipelineStep, ReportFormat } from '@cohortlens/platform';
import { InvalidArgumentError } from 'commander';
import type { CliIo } from './cli-command.js';
import { parseFeatures } from './analysis-options.js';

export interface ReportCliOptions {
  output?: string;
  format?: ReportFormat;
  metrics?: string[];
  figures?: string[];
}

const FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'both'];

export function parseFormat(value: string): ReportFormat {
  const v = value.trim().toLowerCase() as ReportFormat;
  if (!FORMATS.includes(v)) throw new InvalidArgumentError('must be html, pdf or both');
  return v;
}

export function addReportOptions(c: Command): Command {
  return c
    .option('--output <dir>', 'directory for the report files (default: reporting.save_path)')
    .option('--format <html|pdf|both>', 'report format (default: reporting.format)', parseFormat)
    .option('--metrics <list>', 'comma-separated metrics to show: mse, rmse, mae, r2', parseFeatures)
    .option(
      '--figures <list>',
      'comma-separated figures: clusters, segment_profiles, prediction, feature_importance, correlation, savings, drift',
      parseFeatures,
    );
}

/** Where and what the pipeline writes: the options, else the configuration's `reporting` and `data` keys. */
export function reportTargets(config: Config, options: ReportCliOptions) {
  const reporting = config.reporting;
  return {
    outputDir: options.output ?? reporting.savePath,
    figuresDir: reporting.figuresPath,
    processedDir: config.data.processedPath,
    format: options.format ?? reporting.format,
    metrics: options.metrics ?? reporting.metrics,
    figures: options.figures ?? reporting.figures,
  };
}

const STEP_TEXT: Record<PipelineStep, string> = {
  load: 'Loading customers',
  segment: 'Segmenting (choosing k)',
  train: 'Training and cross-validating the spending model',
  explain: 'Explaining the model (SHAP)',
  insights: 'Correlations and savings',
  drift: 'Checking drift against the baseline',
  persist: 'Saving the run and the model version',
  report: 'Writing the report',
};

/** Prints each step as it starts (stderr, TTY only, not with --json). */
export function stepPrinter(io: CliIo): (step: PipelineStep) => void {
  if (!io.stderrIsTty || io.json) return () => undefined;
  const started = performance.now();
  return (step) =>
    io.stderr.write(`  [${((performance.now() - started) / 1000).toFixed(1)} s] ${STEP_TEXT[step]}…\n`);
}

/** The documented JSON document of a pipeline run. */
export function pipelineDocument(r: PipelineResult) {
  const { segmentation, model } = r.analysis;
  const cv = model.metrics.crossValidation;
  return {
    reports: r.reports,
    scored_customers: r.scoredCustomers,
    rows: {
      read: r.rowsRead,
      rejected: r.rowsRejected,
      segmented: segmentation.rowsUsed,
      trained: model.trainingRows,
    },
    segmentation: {
      algorithm: segmentation.algorithm,
      k: segmentation.k,
      silhouette: segmentation.silhouette,
      k_selection: segmentation.kSelection.summary,
      segments: segmentation.profiles.map((p) => ({
        segment: p.segment,
        label: p.label,
        size: p.size,
        share: p.share,
      })),
    },
    model: {
      algorithm: model.algorithm,
      cv: cv ? { folds: cv.k, ...cv.mean } : null,
      holdout: model.metrics.holdout?.metrics ?? null,
      interval: { level: model.interval.level, half_width: model.interval.halfWidth },
    },
    top_features: r.analysis.importance.importance.slice(0, 5).map((f) => ({
      feature: f.feature,
      mean_abs_shap: f.meanAbsContribution,
    })),
    descriptive_statistics: r.analysis.descriptive,
    drift_checked: r.driftChecked,
    persisted: r.persisted,
    timings_ms: r.timings,
  };
}

export function pipelineHuman(r: PipelineResult): string {
  const d = pipelineDocument(r);
  const lines = [
    `Customers: ${d.rows.read.toLocaleString('en-US')} read, ${d.rows.rejected.toLocaleString('en-US')} rejected.`,
    `Segments: ${d.segmentation.k} (${d.segmentation.algorithm}, ${d.segmentation.k_selection}` +
      (d.segmentation.silhouette === null ? ')' : `, silhouette ${d.segmentation.silhouette.toFixed(3)})`),
    ...d.segmentation.segments.map(
      (s) =>
        `  ${String(s.segment).padStart(2)}  ${s.label.padEnd(42)} ${String(s.size).padStart(7)}  ${(s.share * 100).toFixed(1)}%`,
    ),
    `Model: ${d.model.algorithm}` +
      (d.model.cv
        ? `, ${d.model.cv.folds}-fold CV R² ${d.model.cv.r2.toFixed(3)}, MAE ${d.model.cv.mae.toFixed(2)}`
        : '') +
      `, ${Math.round(d.model.interval.level * 100)}% interval ± ${d.model.interval.half_width.toFixed(1)}`,
    `Top drivers: ${d.top_features.map((f) => f.feature).join(', ')}`,
  ];
  if (d.persisted)
    lines.push(
      `Saved segmentation run ${d.persisted.segmentationRunId} and model version ${d.persisted.modelVersion}.`,
    );
  if (r.reports.html) lines.push(`HTML report: ${r.reports.html}`);
  if (r.reports.pdf) lines.push(`PDF report:  ${r.reports.pdf}`);
  if (r.reports.figureFiles?.length) {
    lines.push(
      `Figures:     ${r.reports.figureFiles.length} as SVG and PNG in ${dirname(r.reports.figureFiles[0].svg)}`,
    );
  }
  if (r.scoredCustomers)
    lines.push(`Customers:   ${r.scoredCustomers} (segment, predicted spending, savings)`);
  return lines.join('\n');
}
