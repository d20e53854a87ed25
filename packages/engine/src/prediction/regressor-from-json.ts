import { EngineError } from '../core/engine-error.js';
import { GRADIENT_BOOSTING_KIND, gradientBoostingFromJSON } from './gradient-boosting.js';
import { LINEAR_REGRESSION_KIND, linearRegressionFromJSON } from './linear-regression.js';
import { RANDOM_FOREST_KIND, randomForestFromJSON } from './random-forest.js';
import type { Regressor } from './regressor.js';

/** Rebuilds any of the engine's regressors from its toJSON() output, dispatching on `kind`. */
export function regressorFromJSON(json: unknown): Regressor {
  const kind = typeof json === 'object' && json !== null ? (json as { kind?: unknown }).kind : undefined;
  switch (kind) {
    case LINEAR_REGRESSION_KIND:
      return linearRegressionFromJSON(json);
    case RANDOM_FOREST_KIND:
      return randomForestFromJSON(json);
    case GRADIENT_BOOSTING_KIND:
      return gradientBoostingFromJSON(json);
    default:
      throw new EngineError('UNKNOWN_MODEL_KIND', `unknown regressor kind ${String(kind)}`);
  }
}
