import { EngineError } from '../core/engine-error.js';
import { dbscanFromJSON, type DbscanModel } from './dbscan.js';
import { gaussianMixtureFromJSON, type GaussianMixtureModel } from './gaussian-mixture.js';
import { kmeansFromJSON, type KMeansModel } from './kmeans.js';

/** Any fitted clusterer. All three label rows with `predict` (DBSCAN answers −1 for noise). */
export type ClustererModel = KMeansModel | GaussianMixtureModel | DbscanModel;

/** Rebuilds whichever clusterer a serialized model holds, by its `kind`. */
export function clustererFromJSON(json: unknown): ClustererModel {
  const kind = typeof json === 'object' && json !== null ? (json as { kind?: unknown }).kind : undefined;
  switch (kind) {
    case 'kmeans':
      return kmeansFromJSON(json);
    case 'gaussian-mixture':
      return gaussianMixtureFromJSON(json);
    case 'dbscan':
      return dbscanFromJSON(json);
    default:
      throw new EngineError('UNKNOWN_MODEL_KIND', `not a clusterer model: kind ${String(kind)}`);
  }
}
