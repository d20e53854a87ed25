import type { TopLevelSpec } from 'vega-lite';
import {
  clusterScatterSpec,
  correlationHeatmapSpec,
  driftSpec,
  featureImportanceSpec,
  predictedVsActualSpec,
  renderChartSvg,
  savingsHistogramSpec,
  segmentProfileSpec,
} from './charts/index.js';
import { downsampleClusterPoints } from './downsample-cluster-points.js';
import { formatInteger, formatPercent, METRIC_LABELS } from './report-format.js';
import {
  MAX_REPORT_SCATTER_POINTS,
  type ReportFigureName,
  type ReportMetricName,
  type ReportModel,
  type ReportNote,
} from './report-model.js';
import {
  resolveReportSelection,
  type ReportSelection,
  type ReportSelectionOptions,
} from './report-selection.js';

/** Options shared by every renderer: which metrics and figures to include (default: all). */
export type ReportRenderOptions = ReportSelectionOptions;

/** A chart rendered for a report: vector SVG plus the texts around it. */
export interface PreparedFigure {
  name: ReportFigureName;
  title: string;
  /** Shown under the chart. */
  caption: string;
  /** Text alternative for assistive technology. */
  description: string;
  svg: string;
  /** Intrinsic SVG size in px (1 px is laid out as 1 pt in the PDF before scaling). */
  width: number;
  height: number;
}

/** One cross-validated metric row of the metrics table. */
export interface PreparedMetricRow {
  name: ReportMetricName;
  mean: number;
  std: number;
  min: number;
  max: number;
  holdout?: number;
}

/** Everything a renderer lays out, resolved once so HTML and PDF show the same content. */
export interface PreparedReport {
  model: ReportModel;
  selection: ReportSelection;
  figures: PreparedFigure[];
  metricRows: PreparedMetricRow[];
  /** The model's notes followed by notes about omitted content. */
  notes: ReportNote[];
}

export const FIGURE_TITLES: Record<ReportFigureName, string> = {
  clusters: 'Customer segments by income and spending',
  segment_profiles: 'Segment comparison',
  prediction: 'Predicted vs actual spending score',
  feature_importance: 'What drives the prediction',
  correlation: 'Correlation between numeric features',
  savings: 'Savings as a share of income',
  drift: 'Data drift against the baseline',
};

/**
 * Validates the selection, renders every selected figure whose data is present, and collects
 * notes for what was left out. Throws `REPORT_UNKNOWN_METRIC` / `REPORT_UNKNOWN_FIGURE`.
 */
export async function prepareReport(
  model: ReportModel,
  options: ReportRenderOptions = {},
): Promise<PreparedReport> {
  const selection = resolveReportSelection(options);
  const notes: ReportNote[] = [...model.notes];
  const figures: PreparedFigure[] = [];
  for (const name of selection.figures) {
    const built = buildFigure(name, model);
    if ('missing' in built) {
      notes.push({ level: 'info', text: `Figure “${FIGURE_TITLES[name]}” omitted: ${built.missing}` });
      continue;
    }
    const svg = await renderChartSvg(built.spec);
    const { width, height } = svgSize(svg);
    figures.push({
      name,
      title: FIGURE_TITLES[name],
      caption: built.caption,
      description: typeof built.spec.description === 'string' ? built.spec.description : FIGURE_TITLES[name],
      svg,
      width,
      height,
    });
  }
  const metricRows: PreparedMetricRow[] = [];
  if (selection.metrics.length > 0 && !model.modelMetrics) {
    notes.push({
      level: 'info',
      text: 'Prediction metrics omitted: no cross-validation results in this run.',
    });
  }
  if (model.modelMetrics) {
    for (const name of selection.metrics) {
      const cv = model.modelMetrics.crossValidation[name];
      if (!cv) {
        notes.push({
          level: 'info',
          text: `Metric ${METRIC_LABELS[name].short} omitted: it was not computed.`,
        });
        continue;
      }
      const folds = cv.perFold.length > 0 ? cv.perFold : [cv.mean];
      metricRows.push({
        name,
        mean: cv.mean,
        std: cv.std,
        min: Math.min(...folds),
        max: Math.max(...folds),
        holdout: model.modelMetrics.holdout?.metrics[name],
      });
    }
  }
  return { model, selection, figures, metricRows, notes };
}

type BuiltFigure = { spec: TopLevelSpec; caption: string } | { missing: string };

function buildFigure(name: ReportFigureName, m: ReportModel): BuiltFigure {
  const labels = m.segments.map((s) => s.label);
  switch (name) {
    case 'clusters': {
      if (!m.clusterPoints?.length) return { missing: 'no customer points were provided.' };
      const points =
        m.clusterPoints.length > MAX_REPORT_SCATTER_POINTS
          ? downsampleClusterPoints(m.clusterPoints)
          : m.clusterPoints;
      const total = Math.max(m.clusterPointsTotal ?? 0, m.clusterPoints.length);
      const shown =
        points.length < total
          ? `A representative sample of ${formatInteger(points.length)} of ${formatInteger(total)} customers is shown, proportional to segment size.`
          : `All ${formatInteger(points.length)} customers are shown.`;
      return {
        spec: clusterScatterSpec(points, labels),
        caption: `Each dot is a customer, coloured by segment. ${shown}`,
      };
    }
    case 'segment_profiles':
      if (m.segments.length === 0) return { missing: 'no segments were found.' };
      return {
        spec: segmentProfileSpec(m.segments),
        caption:
          'Share of customers and average income and spending score per segment, in the same colours as the scatter plot.',
      };
    case 'prediction': {
      if (!m.predictions?.length) return { missing: 'no out-of-fold predictions were provided.' };
      const target = m.modelMetrics?.target ?? 'Spending score';
      return {
        spec: predictedVsActualSpec(m.predictions, targetLabelOf(target)),
        caption: `Out-of-fold predictions for ${formatInteger(m.predictions.length)} customers. Points on the dashed line are predicted exactly; vertical distance is the error.`,
      };
    }
    case 'feature_importance':
      if (!m.featureImportance?.length) return { missing: 'no explanation (SHAP) results were provided.' };
      return {
        spec: featureImportanceSpec(m.featureImportance),
        caption:
          'Mean absolute SHAP value per original feature: how far, on average, each feature moves a prediction away from the average prediction.',
      };
    case 'correlation':
      if (!m.correlation || m.correlation.names.length < 2)
        return { missing: 'fewer than two numeric features.' };
      return {
        spec: correlationHeatmapSpec(m.correlation),
        caption:
          'Pearson correlation between numeric features (customer ID excluded). Values near 0 mean no linear relationship.',
      };
    case 'savings': {
      if (!m.savings?.bins.length) return { missing: 'no savings distribution was provided.' };
      const unknown = m.savings.unknownCount;
      return {
        spec: savingsHistogramSpec(m.savings),
        caption:
          unknown > 0
            ? `Estimated savings as a percentage of annual income. ${formatInteger(unknown)} customer${unknown === 1 ? '' : 's'} with an annual income of 0 ${unknown === 1 ? 'is' : 'are'} not shown (savings unknown).`
            : 'Estimated savings as a percentage of annual income.',
      };
    }
    case 'drift': {
      if (!m.drift) return { missing: 'no baseline has been saved yet, so drift cannot be measured.' };
      if (m.drift.features.length === 0) return { missing: 'the drift check compared no features.' };
      const drifted = m.drift.features.filter((f) => f.drifted).length;
      return {
        spec: driftSpec(m.drift),
        caption: `${m.drift.baselineLabel}. ${drifted} of ${m.drift.features.length} features flagged as drifted (${formatPercent(m.drift.driftShare, 0)}); red bars are flagged.`,
      };
    }
  }
}

function targetLabelOf(target: string): string {
  // "Spending Score (1-100)" → "spending score": drop the unit suffix for axis titles.
  const base = target.replace(/\s*\(.*\)\s*$/, '').trim();
  return base.charAt(0).toUpperCase() + base.slice(1).toLowerCase();
}

function svgSize(svg: string): { width: number; height: number } {
  const open = svg.slice(0, svg.indexOf('>'));
  const width = Number(/\swidth="([\d.]+)"/.exec(open)?.[1] ?? 0);
  const height = Number(/\sheight="([\d.]+)"/.exec(open)?.[1] ?? 0);
  return { width, height };
}
