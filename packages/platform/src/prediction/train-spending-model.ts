/**
 * Trains the spending model the configuration describes: the engine's transformer + regressor,
 * k-fold cross-validation, an optional hold-out, and a calibrated prediction interval.
 */
import { fitSpendingModel, type SpendingAlgorithm, type SpendingModel, type Table } from '@cohortlens/engine';
import { requireFields } from '../datasets/customer-table.js';

/** Algorithm names as the configuration, CLI and API spell them. */
export const SPENDING_ALGORITHMS = ['linear_regression', 'random_forest', 'gradient_boosting'] as const;
export type SpendingAlgorithmName = (typeof SPENDING_ALGORITHMS)[number];

const ENGINE_ALGORITHM: Record<SpendingAlgorithmName, SpendingAlgorithm> = {
  linear_regression: 'linear',
  random_forest: 'random-forest',
  gradient_boosting: 'gradient-boosting',
};

/** Accepts the config names plus the CLI's short `linear`. */
export function parseSpendingAlgorithm(name: string): SpendingAlgorithmName | undefined {
  const normalised = name.trim().toLowerCase().replace(/-/g, '_');
  if (normalised === 'linear') return 'linear_regression';
  return (SPENDING_ALGORITHMS as readonly string[]).includes(normalised)
    ? (normalised as SpendingAlgorithmName)
    : undefined;
}

export interface TrainSpendingModelOptions {
  algorithm: SpendingAlgorithmName;
  target: string;
  numeric: readonly string[];
  categorical: readonly string[];
  dropFirst: boolean;
  /** Folds of cross-validation (0 to skip; then a hold-out is required). */
  cvFolds: number;
  /** Share of rows held out for the reported test metrics; 0 for none. */
  holdoutFraction: number;
  seed: number;
}

/** Spending scores live on 1–100: predictions and their intervals are clamped to the scale. */
const SCORE_RANGE = { min: 0, max: 100 };

export async function trainSpendingModel(table: Table, o: TrainSpendingModelOptions): Promise<SpendingModel> {
  requireFields(table, [o.target, ...o.numeric], 'The spending model');
  if (o.categorical.length > 0) requireFields(table, o.categorical, 'The spending model');
  return fitSpendingModel(table, {
    algorithm: ENGINE_ALGORITHM[o.algorithm],
    target: o.target,
    numeric: o.numeric,
    categorical: o.categorical,
    dropFirst: o.dropFirst,
    cvFolds: o.cvFolds,
    ...(o.holdoutFraction > 0 ? { holdoutFraction: o.holdoutFraction } : {}),
    clamp: o.target === 'spending_score' ? SCORE_RANGE : null,
    seed: o.seed,
  });
}
