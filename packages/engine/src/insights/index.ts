// Public API of the engine's insights area.
export { describeColumn, describeColumns } from './describe-columns.js';
export type { ColumnDescription, DescribeOptions } from './describe-columns.js';
export { pearsonCorrelationMatrix, spearmanCorrelationMatrix } from './correlation-matrix.js';
export type { CorrelationMatrix, CorrelationOptions } from './correlation-matrix.js';
export {
  computeSavingsMetrics,
  summarizeSavings,
  equalWidthHistogram,
  SPEND_PER_EXPERIENCE_YEAR,
  SPEND_PER_FAMILY_MEMBER,
} from './savings-metrics.js';
export type {
  SavingsInput,
  SavingsMetrics,
  SavingsSummary,
  HistogramBin,
  HistogramOptions,
} from './savings-metrics.js';
export {
  recommendForSegments,
  recommendForSegment,
  seedAction,
  SEED_ACTIONS,
} from './segment-recommendations.js';
export type {
  SegmentFeatureStats,
  SegmentProfile,
  PopulationProfile,
  Recommendation,
  RecommendationPriority,
  SegmentRecommendation,
} from './segment-recommendations.js';
export { isIdColumnName } from './id-columns.js';
export { buildSegmentProfiles, segmentProfilesFromNamed, featureRoleOf } from './segment-profiles.js';
export type { SegmentFeatureColumns, NamedSegmentProfile } from './segment-profiles.js';
