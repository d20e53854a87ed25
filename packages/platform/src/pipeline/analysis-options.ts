/**
 * The configuration's `models` section turned into the options of each analysis step, so every
 * key does what it says (the original ignored n_clusters, test_size and the DBSCAN parameters).
 */
import type { Config } from '../config/index.js';
import type { SegmentTableOptions, SegmentationAlgorithm } from '../segmentation/index.js';
import type { SpendingAlgorithmName, TrainSpendingModelOptions } from '../prediction/index.js';

export interface AnalysisOverrides {
  segmentationAlgorithm?: SegmentationAlgorithm;
  k?: number | 'auto';
  nInit?: number;
  segmentationFeatures?: readonly string[];
  predictionAlgorithm?: SpendingAlgorithmName;
  cvFolds?: number;
  holdoutFraction?: number;
  seed?: number;
}

export function segmentationOptions(config: Config, o: AnalysisOverrides = {}): SegmentTableOptions {
  const s = config.models.segmentation;
  return {
    algorithm: o.segmentationAlgorithm ?? s.algorithm,
    k: o.k ?? s.nClusters,
    features: o.segmentationFeatures ?? s.features,
    kRange: [s.silhouetteRange[0], s.silhouetteRange[1]],
    nInit: o.nInit ?? s.nInit,
    maxIterations: s.maxIter,
    seed: o.seed ?? config.models.randomSeed,
    dbscan: { eps: s.dbscan.eps, minSamples: s.dbscan.minSamples },
    profileFeatures: {
      numeric: [...new Set([...(o.segmentationFeatures ?? s.features), ...config.features.numerical])],
      categorical: config.features.categorical,
    },
  };
}

export function predictionOptions(config: Config, o: AnalysisOverrides = {}): TrainSpendingModelOptions {
  const p = config.models.prediction;
  return {
    algorithm: o.predictionAlgorithm ?? p.algorithm,
    target: p.target,
    numeric: p.features.numerical,
    categorical: p.features.categorical,
    dropFirst: p.dropFirst,
    cvFolds: o.cvFolds ?? p.cvFolds,
    holdoutFraction: o.holdoutFraction ?? p.testSize,
    seed: o.seed ?? config.models.randomSeed,
  };
}
