/**
 * Turns an analysis (and, when there is one, a drift check) into the report model every renderer
 * reads. Only selection and formatting happen here; every number comes from the engine.
 */
import type { DriftResult, SegmentRecommendation } from '@cohortlens/engine';
import { DISPLAY_NAMES, type CustomerField } from '../config/index.js';
import {
  downsampleClusterPoints,
  MAX_REPORT_SCATTER_POINTS,
  type ReportCategoryHighlight,
  type ReportDriftSummary,
  type ReportMetricName,
  type ReportMetricSummary,
  type ReportModel,
  type ReportNote,
  type ReportSegmentProfile,
} from '../reports/index.js';
import type { CustomerAnalysis } from './analyze-customers.js';
import type { Table } from '@cohortlens/engine';

export interface ReportContext {
  title?: string;
  tenantName: string;
  generatedAt: Date;
  rowsRead: number;
  rowsRejected: number;
  drift?: { result: DriftResult; baselineLabel: string };
}

const PREDICTION_POINTS = 2000;
const HIGHLIGHT_MIN_LIFT = 0.05;

export const displayName = (name: string): string => DISPLAY_NAMES[name as CustomerField] ?? name;

export function buildReportModel(
  table: Table,
  analysis: CustomerAnalysis,
  context: ReportContext,
): ReportModel {
  const { segmentation, model, importance, correlation, savings } = analysis;
  const notes: ReportNote[] = [];
  const warn = (text: string) => notes.push({ level: 'warning', text });
  segmentation.warnings.forEach(warn);
  importance.warnings.forEach(warn);
  if (segmentation.rowsExcluded > 0) {
    warn(
      `${segmentation.rowsExcluded.toLocaleString('en-US')} customers lack a segmentation feature and were not segmented.`,
    );
  }
  if (model.droppedRows > 0) {
    warn(
      `${model.droppedRows.toLocaleString('en-US')} customers have no spending score and were not used to train the model.`,
    );
  }

  const labelOf = new Map(segmentation.profiles.map((p) => [p.segment, p.label]));
  const points = Array.from(segmentation.rowIndices, (row, r) => ({
    annualIncome: numberAt(table, 'annual_income', row),
    spendingScore: numberAt(table, 'spending_score', row),
    segmentLabel: labelOf.get(segmentation.labels[r]) ?? `Segment ${segmentation.labels[r]}`,
  })).filter((p) => Number.isFinite(p.annualIncome) && Number.isFinite(p.spendingScore));

  return {
    title: context.title ?? 'CohortLens — Executive Report',
    tenantName: context.tenantName,
    generatedAt: context.generatedAt.toISOString(),
    dataSummary: {
      rowsRead: context.rowsRead,
      rowsUsed: segmentation.rowsUsed,
      rowsRejected: context.rowsRejected,
      featuresUsed: [...new Set([...segmentation.features, ...model.featureNames])].map(displayName),
    },
    segmentation: {
      algorithm: segmentation.algorithm,
      k: segmentation.k,
      silhouette: segmentation.silhouette,
      kSelection: segmentation.kSelection.summary,
      disagreementNotes: segmentation.kSelection.disagreement ? [segmentation.kSelection.disagreement] : [],
    },
    segments: segmentProfiles(table, analysis, segmentation.recommendations),
    clusterPoints: points.length > MAX_REPORT_SCATTER_POINTS ? downsampleClusterPoints(points) : points,
    clusterPointsTotal: points.length,
    modelMetrics: modelMetrics(analysis),
    predictions: predictionPoints(table, analysis),
    featureImportance: importance.importance.map((f) => ({
      feature: displayName(f.feature),
      meanAbsShap: f.meanAbsContribution,
    })),
    correlation: {
      names: correlation.columns.map(displayName),
      values: Array.from({ length: correlation.columns.length }, (_, i) =>
        Array.from(
          correlation.matrix.data.subarray(i * correlation.matrix.cols, (i + 1) * correlation.matrix.cols),
        ),
      ),
    },
    savings: {
      bins: savings.bins.map((b) => ({ start: b.start, end: b.end, count: b.count })),
      unknownCount: savings.unknownCount,
    },
    ...(context.drift ? { drift: driftSummary(context.drift.result, context.drift.baselineLabel) } : {}),
    notes,
  };
}

function segmentProfiles(
  table: Table,
  analysis: CustomerAnalysis,
  recommendations: readonly SegmentRecommendation[],
): ReportSegmentProfile[] {
  const { segmentation } = analysis;
  const overall = overallShares(table, segmentation.rowIndices);
  return segmentation.profiles.map((p) => {
    const rec = recommendations.find((r) => r.segmentId === p.segment);
    const mean = (name: string) => p.numeric[name]?.mean ?? NaN;
    const highlights: ReportCategoryHighlight[] = [];
    for (const [feature, shares] of Object.entries(p.categorical)) {
      for (const [value, share] of Object.entries(shares)) {
        const overallShare = overall[feature]?.[value] ?? 0;
        if (value !== '(missing)' && value !== 'Unknown' && share - overallShare >= HIGHLIGHT_MIN_LIFT) {
          highlights.push({ feature: displayName(feature), value, share, overallShare });
        }
      }
    }
    highlights.sort((a, b) => b.share - (b.overallShare ?? 0) - (a.share - (a.overallShare ?? 0)));
    return {
      id: p.segment,
      label: p.label,
      size: p.size,
      share: p.share,
      means: {
        age: mean('age'),
        annualIncome: mean('annual_income'),
        spendingScore: mean('spending_score'),
        workExperience: mean('work_experience'),
        familySize: mean('family_size'),
      },
      categoryHighlights: highlights.slice(0, 3),
      recommendedAction: rec?.action ?? '',
      recommendations: (rec?.recommendations ?? []).map((r) => ({ title: r.title, rationale: r.rationale })),
    };
  });
}

function overallShares(table: Table, rows: Int32Array): Record<string, Record<string, number>> {
  const result: Record<string, Record<string, number>> = {};
  for (const name of table.columnNames) {
    const column = table.columns[name];
    if (column.type !== 'categorical') continue;
    const counts: Record<string, number> = {};
    for (const row of rows) {
      const v = column.values[row] ?? '(missing)';
      counts[v] = (counts[v] ?? 0) + 1;
    }
    result[name] = Object.fromEntries(Object.entries(counts).map(([v, c]) => [v, c / rows.length]));
  }
  return result;
}

function modelMetrics(analysis: CustomerAnalysis): ReportModel['modelMetrics'] {
  const { model } = analysis;
  const cv = model.metrics.crossValidation;
  const summary = (name: ReportMetricName): ReportMetricSummary | undefined => {
    if (!cv) return undefined;
    const perFold = cv.folds.map((f) => f[name]);
    const mean = perFold.reduce((s, v) => s + v, 0) / perFold.length;
    const std = Math.sqrt(perFold.reduce((s, v) => s + (v - mean) ** 2, 0) / perFold.length);
    return { mean, std, perFold };
  };
  const names: ReportMetricName[] = ['mse', 'rmse', 'mae', 'r2'];
  const holdout = model.metrics.holdout;
  return {
    algorithm: model.algorithm,
    target: displayName(model.target),
    folds: cv?.k ?? 0,
    crossValidation: Object.fromEntries(names.flatMap((n) => (cv ? [[n, summary(n)!]] : []))),
    ...(holdout
      ? {
          holdout: {
            size: Math.round(model.trainingRows * holdout.testFraction),
            metrics: { ...holdout.metrics },
          },
        }
      : {}),
  };
}

function predictionPoints(table: Table, analysis: CustomerAnalysis): ReportModel['predictions'] {
  const { model } = analysis;
  const oof = model.metrics.crossValidation?.oofPredictions;
  const target = table.columns[model.target];
  if (!oof || target?.type !== 'numeric') return undefined;
  const actual = target.values.filter((v) => Number.isFinite(v));
  const step = Math.max(1, Math.ceil(actual.length / PREDICTION_POINTS));
  const points = [];
  // The model serves clamped predictions (spending scores live on 0–100); show the same here.
  const clamp = model.clamp;
  const served = (v: number) => (clamp ? Math.min(clamp.max, Math.max(clamp.min, v)) : v);
  for (let i = 0; i < actual.length; i += step) points.push({ actual: actual[i], predicted: served(oof[i]) });
  return points;
}

function driftSummary(result: DriftResult, baselineLabel: string): ReportDriftSummary {
  return {
    baselineLabel,
    driftShare: result.driftShare,
    datasetDrift: result.datasetDrift,
    features: Object.entries(result.features).map(([feature, f]) => ({
      feature: displayName(feature),
      test: f.test,
      statistic: f.statistic,
      pValue: f.pValue,
      effectSize: f.effectSize,
      effectSizeName: f.effectSizeName,
      drifted: f.drift,
    })),
  };
}

function numberAt(table: Table, name: string, row: number): number {
  const column = table.columns[name];
  return column?.type === 'numeric' ? column.values[row] : NaN;
}
