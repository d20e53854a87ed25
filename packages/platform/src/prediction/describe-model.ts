/** The documented summary of a trained spending model (CLI `predict --json`, API model listings). */
import type { RegressionMetrics, SpendingModel } from '@cohortlens/engine';

export interface MetricsSummary {
  mse: number;
  rmse: number;
  mae: number;
  r2: number;
}

export interface ModelDescription {
  algorithm: string;
  target: string;
  features: string[];
  cv: (MetricsSummary & { folds: number; perFold: MetricsSummary[] }) | null;
  holdout: (MetricsSummary & { rows: number }) | null;
  interval: { level: number; halfWidth: number };
  rowsUsed: number;
}

const plain = (m: RegressionMetrics): MetricsSummary => ({ mse: m.mse, rmse: m.rmse, mae: m.mae, r2: m.r2 });

export function describeModel(model: SpendingModel, algorithmName: string): ModelDescription {
  const cv = model.metrics.crossValidation;
  const holdout = model.metrics.holdout;
  return {
    algorithm: algorithmName,
    target: model.target,
    features: [...model.featureNames],
    cv: cv ? { folds: cv.k, ...plain(cv.mean), perFold: cv.folds.map(plain) } : null,
    holdout: holdout
      ? { rows: Math.ceil(model.trainingRows * holdout.testFraction), ...plain(holdout.metrics) }
      : null,
    interval: { level: model.interval.level, halfWidth: model.interval.halfWidth },
    rowsUsed: model.trainingRows,
  };
}
