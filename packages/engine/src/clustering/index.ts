// Public API of the engine's clustering area.
export {
  fitKMeans,
  kmeansFromJSON,
  KMeansModel,
  KMEANS_DEFAULTS,
  type KMeansOptions,
  type KMeansParams,
} from './kmeans.js';
export {
  fitGaussianMixture,
  gaussianMixtureFromJSON,
  gaussianMixtureParameterCount,
  GaussianMixtureModel,
  GAUSSIAN_MIXTURE_DEFAULTS,
  type CovarianceType,
  type GaussianMixtureOptions,
  type GaussianMixtureParams,
} from './gaussian-mixture.js';
export {
  fitDbscan,
  dbscanFromJSON,
  DbscanModel,
  DBSCAN_DEFAULTS,
  type DbscanOptions,
  type DbscanParams,
} from './dbscan.js';
export { suggestEps, type SuggestEpsOptions, type SuggestEpsResult } from './suggest-eps.js';
export { findKnee } from './find-knee.js';
export { buildKdTree, type KdTree } from './kd-tree.js';
export { silhouetteScore, silhouetteSamples, type SilhouetteOptions } from './silhouette-score.js';
export { calinskiHarabaszScore } from './calinski-harabasz-score.js';
export { daviesBouldinScore } from './davies-bouldin-score.js';
export { adjustedRandIndex } from './adjusted-rand-index.js';
export { makeBlobs, type BlobsOptions } from './make-blobs.js';
export { fitKMeansParallel, type KMeansParallelOptions } from './fit-kmeans-parallel.js';
export {
  chooseK,
  chooseKParallel,
  CHOOSE_K_DEFAULTS,
  type ChooseKOptions,
  type ChooseKResult,
  type KCandidate,
} from './choose-k.js';
export {
  profileSegments,
  type NumericSummary,
  type ProfileSegmentsOptions,
  type SegmentFeatureTable,
  type ClusterProfile,
} from './profile-segments.js';
export {
  fitMiniBatchKMeans,
  createMiniBatchKMeans,
  MINI_BATCH_KMEANS_DEFAULTS,
  type MatrixBatches,
  type MiniBatchKMeans,
  type MiniBatchKMeansOptions,
} from './mini-batch-kmeans.js';
export { clustererFromJSON, type ClustererModel } from './clusterer-from-json.js';
