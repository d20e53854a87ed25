// Public API of the platform's config area.
export { loadConfig, DEFAULT_CONFIG_PATH, IN_MEMORY_DATA_DIR } from './load-config.js';
export { testDatabaseUrl } from './test-database-url.js';
export type { LoadConfigOptions, ConfigIssue } from './load-config.js';
export type { Config, PlanName, PlanLimits } from './config-types.js';
export {
  configSchema,
  PLAN_NAMES,
  SEGMENTATION_ALGORITHMS,
  PREDICTION_ALGORITHMS,
  REPORT_FORMATS,
  REPORT_METRICS,
  REPORT_FIGURES,
  LOG_LEVELS,
} from './config-schema.js';
export type { RawConfig } from './config-schema.js';
export { DEFAULTS } from './defaults.js';
export { EXPLICIT_ENV, ENV_PREFIX, envOverrides } from './env-overrides.js';
export {
  CUSTOMER_FIELDS,
  NUMERIC_CUSTOMER_FIELDS,
  CATEGORICAL_CUSTOMER_FIELDS,
  DISPLAY_NAMES,
  normalizeFeatureName,
} from './feature-names.js';
export type { CustomerField } from './feature-names.js';
