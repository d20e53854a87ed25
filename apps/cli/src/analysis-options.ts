/**
 * Options shared by the analysis commands (segment, predict, explain, run), parsed once into the
 * platform's AnalysisOverrides so every command spells and validates them the same way.
 */
import { InvalidArgumentError, type Command } from 'commander';
import {
  parseSpendingAlgorithm,
  type AnalysisOverrides,
  type SpendingAlgorithmName,
} from '@cohortlens/platform';
import { parseIntegerOption } from './parse-options.js';

export interface AnalysisCliOptions {
  data?: string;
  algorithm?: string;
  k?: number | 'auto';
  nInit?: number;
  features?: string[];
  seed?: number;
  cv?: number;
  holdout?: number;
  model?: SpendingAlgorithmName;
}

const SEGMENTATION = ['kmeans', 'gmm', 'dbscan'] as const;

export function parseK(value: string): number | 'auto' {
  if (value.trim().toLowerCase() === 'auto') return 'auto';
  const k = parseIntegerOption(value);
  if (k < 2) throw new InvalidArgumentError('must be auto or an integer ≥ 2');
  return k;
}

export function parseFraction(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x >= 1) throw new InvalidArgumentError('must be a number in [0, 1)');
  return x;
}

export const parseFeatures = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function parseSegmentationAlgorithm(value: string): (typeof SEGMENTATION)[number] {
  const v = value.trim().toLowerCase();
  if (!(SEGMENTATION as readonly string[]).includes(v)) {
    throw new InvalidArgumentError(`must be one of ${SEGMENTATION.join(', ')}`);
  }
  return v as (typeof SEGMENTATION)[number];
}

export function parseModelAlgorithm(value: string): SpendingAlgorithmName {
  const name = parseSpendingAlgorithm(value);
  if (!name) throw new InvalidArgumentError('must be one of linear, random_forest, gradient_boosting');
  return name;
}

export const addDataOption = (c: Command): Command =>
  c.option(
    '--data <file>',
    'analyse this CSV file instead of the tenant’s stored customers (no database needed)',
  );
export const addSeedOption = (c: Command): Command =>
  c.option('--seed <n>', 'random seed (default: models.random_seed)', parseIntegerOption);

export function addSegmentationOptions(c: Command, flag = '--algorithm'): Command {
  return c
    .option(
      `${flag} <name>`,
      'kmeans | gmm | dbscan (default: models.segmentation.algorithm)',
      parseSegmentationAlgorithm,
    )
    .option('--k <n|auto>', 'number of segments, or auto for the silhouette search', parseK)
    .option('--n-init <n>', 'k-means restarts (default: models.segmentation.n_init)', parseIntegerOption)
    .option('--features <list>', 'comma-separated segmentation features', parseFeatures);
}

export function addModelOptions(c: Command, flag = '--algorithm'): Command {
  return c
    .option(`${flag} <name>`, 'linear | random_forest | gradient_boosting', parseModelAlgorithm)
    .option('--cv <k>', 'cross-validation folds (default: models.prediction.cv_folds)', parseIntegerOption)
    .option(
      '--holdout <fraction>',
      'hold-out share (default: models.prediction.test_size; 0 for none)',
      parseFraction,
    );
}

export function segmentationOverrides(o: AnalysisCliOptions & { algorithm?: unknown }): AnalysisOverrides {
  return {
    ...(o.algorithm !== undefined
      ? { segmentationAlgorithm: o.algorithm as AnalysisOverrides['segmentationAlgorithm'] }
      : {}),
    ...(o.k !== undefined ? { k: o.k } : {}),
    ...(o.nInit !== undefined ? { nInit: o.nInit } : {}),
    ...(o.features !== undefined ? { segmentationFeatures: o.features } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  };
}

export function modelOverrides(o: AnalysisCliOptions, algorithm?: SpendingAlgorithmName): AnalysisOverrides {
  return {
    ...(algorithm !== undefined ? { predictionAlgorithm: algorithm } : {}),
    ...(o.cv !== undefined ? { cvFolds: o.cv } : {}),
    ...(o.holdout !== undefined ? { holdoutFraction: o.holdout } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  };
}
