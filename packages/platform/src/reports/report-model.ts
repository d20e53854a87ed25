/**
 * The one report model that every renderer (HTML, PDF, later the dashboard) reads.
 * The pipeline fills it from engine results; renderers never compute analytics themselves,
 * they only format, chart and lay out what is here. Optional sections may be absent: the
 * renderers then omit the matching figure with a note instead of breaking.
 *
 * All fields are plain JSON values (dates as ISO strings) so a model can be stored and re-rendered.
 */

/** Metric names that can be selected for the report, in display order. */
export const REPORT_METRIC_NAMES = ['mse', 'rmse', 'mae', 'r2'] as const;
export type ReportMetricName = (typeof REPORT_METRIC_NAMES)[number];

/**
 * Figure names that can be selected, in display order. These are the names the original's
 * config used (`clusters`, `correlation`, `savings`) plus the new figures; each maps to exactly
 * one chart builder, so a selected name can never silently match nothing.
 */
export const REPORT_FIGURE_NAMES = [
  'clusters',
  'segment_profiles',
  'prediction',
  'feature_importance',
  'correlation',
  'savings',
  'drift',
] as const;
export type ReportFigureName = (typeof REPORT_FIGURE_NAMES)[number];

/** Largest number of scatter points a report carries (see `downsampleClusterPoints`). */
export const MAX_REPORT_SCATTER_POINTS = 5000;

export interface ReportDataSummary {
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  /** Original column names used as model features, e.g. `Annual Income ($)`. */
  featuresUsed: string[];
}

export interface ReportSegmentationSummary {
  /** e.g. `kmeans`, `gmm`, `agglomerative`. */
  algorithm: string;
  k: number;
  /** Mean silhouette in [-1, 1]; null when it could not be computed (e.g. k = 1). */
  silhouette: number | null;
  /** Plain-language account of how k was chosen, e.g. "silhouette search over k = 2..10". */
  kSelection: string;
  /** Notes where criteria or algorithms disagreed (e.g. "Elbow suggests k = 4, silhouette k = 5"). */
  disagreementNotes: string[];
}

/** Mean of the numeric features inside one segment. */
export interface ReportSegmentMeans {
  age: number;
  annualIncome: number;
  spendingScore: number;
  workExperience?: number;
  familySize?: number;
  /** Any further numeric feature, keyed by its display name. */
  extra?: Record<string, number>;
}

/** A categorical value that stands out in a segment, e.g. Profession = Artist, 31 % vs 18 % overall. */
export interface ReportCategoryHighlight {
  feature: string;
  value: string;
  /** Share of the segment with this value, in [0, 1]. */
  share: number;
  /** Share in the whole customer base, in [0, 1], when known. */
  overallShare?: number;
}

export interface ReportRecommendation {
  title: string;
  rationale: string;
}

export interface ReportSegmentProfile {
  id: number;
  /**
   * Plain-language label, e.g. "Affluent high spenders"; must be unique within the report (charts
   * key colours by label). Treated as untrusted text: always escaped.
   */
  label: string;
  size: number;
  /** Share of all segmented customers, in [0, 1]. */
  share: number;
  means: ReportSegmentMeans;
  categoryHighlights: ReportCategoryHighlight[];
  /** One-sentence recommended action. */
  recommendedAction: string;
  recommendations: ReportRecommendation[];
}

export interface ReportClusterPoint {
  annualIncome: number;
  spendingScore: number;
  /** Must equal one of the segment labels so colours match the profiles. */
  segmentLabel: string;
}

/** Cross-validated value of one metric: mean over folds, spread and the per-fold values. */
export interface ReportMetricSummary {
  mean: number;
  std: number;
  perFold: number[];
}

export interface ReportModelMetrics {
  /** e.g. `gradient_boosting`, `random_forest`, `linear`. */
  algorithm: string;
  /** Target column, e.g. `Spending Score (1-100)`. */
  target: string;
  folds: number;
  crossValidation: Partial<Record<ReportMetricName, ReportMetricSummary>>;
  /** Scores on a held-out test set, if one was kept. */
  holdout?: { size: number; metrics: Partial<Record<ReportMetricName, number>> };
}

export interface ReportPredictionPoint {
  actual: number;
  predicted: number;
}

export interface ReportFeatureImportance {
  /** Original feature name (one-hot columns summed back into their feature). */
  feature: string;
  meanAbsShap: number;
}

export interface ReportCorrelationMatrix {
  names: string[];
  /** Square, `names.length` × `names.length`, values in [-1, 1]. */
  values: number[][];
}

export interface ReportHistogramBin {
  /** Inclusive lower edge, in percent. */
  start: number;
  /** Exclusive upper edge, in percent (inclusive for the last bin). */
  end: number;
  count: number;
}

export interface ReportSavingsDistribution {
  bins: ReportHistogramBin[];
  /** Customers whose savings percent is unknown because their annual income is 0. */
  unknownCount: number;
}

export interface ReportDriftFeature {
  feature: string;
  /** e.g. `ks`, `chi2`, `psi`. */
  test: string;
  statistic: number;
  pValue: number | null;
  effectSize: number | null;
  /** What `effectSize` measures, e.g. `psi`, `cramers_v`, `wasserstein_norm`. */
  effectSizeName?: string;
  drifted: boolean;
}

export interface ReportDriftSummary {
  /** What the data was compared with, e.g. "Baseline of 2026-10-01 (2,000 rows)". */
  baselineLabel: string;
  features: ReportDriftFeature[];
  /** Share of features flagged as drifted, in [0, 1]. */
  driftShare: number;
  datasetDrift: boolean;
}

export interface ReportNote {
  level: 'info' | 'warning';
  text: string;
}

/** Everything an executive report shows. Optional sections are omitted (with a note) when absent. */
export interface ReportModel {
  title: string;
  tenantName: string;
  /** ISO 8601 timestamp. */
  generatedAt: string;
  dataSummary: ReportDataSummary;
  segmentation?: ReportSegmentationSummary;
  segments: ReportSegmentProfile[];
  /** At most `MAX_REPORT_SCATTER_POINTS`; use `downsampleClusterPoints` on big data. */
  clusterPoints?: ReportClusterPoint[];
  /** Number of customers before downsampling, to say "showing 5,000 of 120,000". */
  clusterPointsTotal?: number;
  modelMetrics?: ReportModelMetrics;
  predictions?: ReportPredictionPoint[];
  featureImportance?: ReportFeatureImportance[];
  correlation?: ReportCorrelationMatrix;
  savings?: ReportSavingsDistribution;
  drift?: ReportDriftSummary;
  notes: ReportNote[];
}
