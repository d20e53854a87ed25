// Public API of the engine's clustering area.
export {
  fitKMeans,
  kmeansFromJSON,
  KMeansModel,
  KMEANS_DEFAULTS,
  type KMeansOptions,
  type KMeansParams,
} from './kmeans.js';
export { silhouetteScore, silhouetteSamples, type SilhouetteOptions } from './silhouette-score.js';
export { calinskiHarabaszScore } from './calinski-harabasz-score.js';
export { daviesBouldinScore } from './davies-bouldin-score.js';
export { adjustedRandIndex } from './adjusted-rand-index.js';
export { makeBlobs, type BlobsOptions } from './make-blobs.js';
