/**
 * The analytics of the main job on one customer table: segment → train and cross-validate →
 * global explanation → correlations → savings. Pure (no database, no files); the pipeline
 * persists and reports what this returns.
 */
import {
  computeSavingsMetrics,
  describeColumns,
  type ColumnDescription,
  pearsonCorrelationMatrix,
  summarizeSavings,
  type CorrelationMatrix,
  type GlobalExplanation,
  type SavingsSummary,
  type SpendingModel,
  type Table,
} from '@cohortlens/engine';
import type { Config } from '../config/index.js';
import { segmentTable, type SegmentationOutcome } from '../segmentation/index.js';
import { globalSpendingImportance, trainSpendingModel } from '../prediction/index.js';
import { predictionOptions, segmentationOptions, type AnalysisOverrides } from './analysis-options.js';

export type AnalysisStep = 'segment' | 'train' | 'explain' | 'insights';

export interface CustomerAnalysis {
  segmentation: SegmentationOutcome;
  model: SpendingModel;
  importance: GlobalExplanation;
  correlation: CorrelationMatrix;
  savings: SavingsSummary;
  /** count, mean, std, quartiles per configured numeric feature (pandas `describe`). */
  descriptive: Record<string, ColumnDescription>;
  /** Milliseconds per step. */
  timings: Record<AnalysisStep, number>;
}

export interface AnalyzeCustomersOptions extends AnalysisOverrides {
  /** Called when a step starts (for progress on a terminal). */
  onStep?: (step: AnalysisStep) => void;
}

/** Savings percentages outside this range are counted, not drawn (a few extreme ratios would squash the chart). */
const SAVINGS_RANGE: readonly [number, number] = [-100, 100];

export async function analyzeCustomers(
  table: Table,
  config: Config,
  options: AnalyzeCustomersOptions = {},
): Promise<CustomerAnalysis> {
  const timings = {} as Record<AnalysisStep, number>;
  const step = async <T>(name: AnalysisStep, run: () => T | Promise<T>): Promise<T> => {
    options.onStep?.(name);
    const started = performance.now();
    const result = await run();
    timings[name] = Math.round(performance.now() - started);
    return result;
  };

  const segmentation = await step('segment', () => segmentTable(table, segmentationOptions(config, options)));
  const model = await step('train', () => trainSpendingModel(table, predictionOptions(config, options)));
  const importance = await step('explain', () =>
    globalSpendingImportance(model, table, 2000, options.seed ?? config.models.randomSeed),
  );
  const { correlation, savings, descriptive } = await step('insights', () => insights(table, config));
  return { segmentation, model, importance, correlation, savings, descriptive, timings };
}

function insights(table: Table, config: Config) {
  // Descriptive statistics and correlations cover the configured `features.numerical` (id excluded).
  const numeric: Record<string, Float64Array> = {};
  for (const name of config.features.numerical) {
    const column = table.columns[name];
    if (column?.type === 'numeric' && !column.values.every(Number.isNaN)) numeric[name] = column.values;
  }
  const idColumns = [config.features.idColumn, 'customer_id'];
  const correlation = pearsonCorrelationMatrix(numeric, { idColumns });
  const descriptive = describeColumns(numeric, { idColumns });
  const column = (name: string) => {
    const c = table.columns[name];
    return c?.type === 'numeric' ? c.values : new Float64Array(table.nRows).fill(NaN);
  };
  const metrics = computeSavingsMetrics({
    annualIncome: column('annual_income'),
    workExperience: column('work_experience'),
    familySize: column('family_size'),
  });
  const savings = summarizeSavings(metrics.savingsPercent, { bins: 20, range: SAVINGS_RANGE });
  return { correlation, savings, descriptive };
}
