// Public API of the engine's drift area.
export {
  detectDrift,
  detectDriftFromProfiles,
  profileTable,
  isCustomerIdName,
  DEFAULT_DRIFT_THRESHOLDS,
  SMALL_REFERENCE_ROWS,
  CONTINUOUS_MIN_UNIQUE,
  WASSERSTEIN_MIN_STD,
} from './detect-drift.js';
export type {
  DriftColumn,
  DriftTable,
  DriftTestName,
  EffectSizeName,
  DriftOptions,
  PValueCorrection,
  FeatureDrift,
  DriftResult,
} from './detect-drift.js';
export {
  buildDriftBaseline,
  detectDriftFromBaseline,
  parseDriftBaseline,
  DRIFT_BASELINE_KIND,
  DRIFT_BASELINE_VERSION,
  DEFAULT_SKETCH_SIZE,
} from './drift-baseline.js';
export type {
  DriftBaseline,
  DriftBaselineParams,
  DriftBaselineOptions,
  BaselineColumn,
  NumericBaselineColumn,
  CategoricalBaselineColumn,
} from './drift-baseline.js';
export type {
  ColumnSummary,
  ReferenceProfile,
  NumericProfile,
  CategoricalProfile,
} from './reference-profile.js';
export { ksTwoSample, ksTwoSampleSorted, ksPValue, KS_MAX_EXACT_N } from './ks-two-sample.js';
export type { KsTwoSampleResult } from './ks-two-sample.js';
export { kolmogorovSf, smirnovSf } from './kolmogorov-distribution.js';
export { chiSquareGoodnessOfFit, cramersV } from './chi-square-test.js';
export type { ChiSquareResult } from './chi-square-test.js';
export { twoProportionZTest } from './two-proportion-z-test.js';
export type { ZTestResult } from './two-proportion-z-test.js';
export { jensenShannonDistance } from './jensen-shannon-distance.js';
export { wassersteinDistance } from './wasserstein-distance.js';
export {
  populationStabilityIndex,
  psiBand,
  psiFromCounts,
  psiBinsFromSorted,
  PSI_DEFAULT_BINS,
  PSI_EMPTY_BIN_SHARE,
  PSI_MODERATE,
  PSI_SIGNIFICANT,
} from './population-stability-index.js';
export type { PsiBand, PsiBins } from './population-stability-index.js';
export { chiSquareSf } from './special-functions.js';
