import type { Matrix } from '../core/matrix.js';
import type { SerializedModel } from '../core/serialized-model.js';
import type { TreeEnsemble } from '../trees/tree-ensemble.js';

/** Every fitted regressor: predicts on the encoded design matrix it was trained on. */
export interface Regressor {
  readonly kind: string;
  readonly nFeatures: number;
  predict(X: Matrix): Float64Array;
  toJSON(): SerializedModel;
}

/** A regressor made of trees (random forest, gradient boosting): exact TreeSHAP applies. */
export interface TreeRegressor extends Regressor {
  readonly ensemble: TreeEnsemble;
}

/** A linear regressor (OLS, ridge): exact linear SHAP applies. */
export interface LinearRegressor extends Regressor {
  readonly coefficients: Float64Array;
  readonly intercept: number;
}

export const isTreeRegressor = (r: Regressor): r is TreeRegressor => 'ensemble' in r;
export const isLinearRegressor = (r: Regressor): r is LinearRegressor =>
  'coefficients' in r && 'intercept' in r;

/**
 * How encoded design columns map back to the original features, so explanations can be reported
 * per original feature (one-hot columns of `profession` fold back into `profession`).
 */
export interface FeatureGroup {
  /** The original feature's name, e.g. "profession". */
  readonly name: string;
  /** Indices of the encoded columns derived from it. */
  readonly columns: readonly number[];
}
