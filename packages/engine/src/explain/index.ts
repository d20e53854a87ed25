// Public API of the engine's explain area: SHAP (tree, linear, kernel) and LIME explanations.
export {
  backgroundMean,
  summarizeBackground,
  toWeightedBackground,
  type Background,
  type SummarizeBackgroundOptions,
  type WeightedBackground,
} from './background.js';
export {
  explainGlobal,
  explainPrediction,
  type ExplainAlgorithm,
  type ExplainMethod,
  type ExplainOptions,
  type FeatureContribution,
  type FeatureImportance,
  type GlobalExplanation,
  type PredictionExplanation,
} from './explain-prediction.js';
export { foldColumns, resolveFeatureLayout, type FeatureLayout } from './feature-layout.js';
export {
  kernelShap,
  type KernelShapOptions,
  type KernelShapResult,
  type SamplingError,
} from './kernel-shap.js';
export {
  fitLimeExplainer,
  type LimeExplainer,
  type LimeExplainerOptions,
  type LimeExplainOptions,
  type LimeResult,
} from './lime-tabular.js';
export { linearShap } from './linear-shap.js';
export { treeExpectedValue, treeShap, type ShapValues, type TreeShapOptions } from './tree-shap.js';
