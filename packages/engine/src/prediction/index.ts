// Public API of the engine's prediction area.
export * from './regression-metrics.js';
export * from './linear-regression.js';
export * from './random-forest.js';
export * from './gradient-boosting.js';
export * from './regressor-from-json.js';
export * from './cross-validate.js';
export * from './prediction-interval.js';
export * from './spending-model.js';
export type { MaxFeatures } from './tree-options.js';
export { predictEnsembleFast } from '../trees/predict-trees.js';
export { encodeTreeEnsemble, decodeTreeEnsemble } from '../trees/tree-ensemble-json.js';
export type { TreeArraysJSON, TreeEnsembleJSON } from '../trees/tree-ensemble-json.js';
