/**
 * The ONE schema of the configuration, in its YAML (snake_case) shape. Every key is required here
 * because DEFAULTS is merged in first; unknown keys are errors (typos must not be silently ignored).
 * Transforms normalise legacy spellings (display feature names, "INFO", "unlimited").
 */
import { z } from 'zod';
import {
  CATEGORICAL_CUSTOMER_FIELDS,
  CUSTOMER_FIELDS,
  NUMERIC_CUSTOMER_FIELDS,
  normalizeFeatureName,
  type CustomerField,
} from './feature-names.js';

import { REPORT_FIGURE_NAMES } from '../reports/report-model.js';

export const PLAN_NAMES = ['basic', 'professional', 'enterprise'] as const;
export const SEGMENTATION_ALGORITHMS = ['kmeans', 'gmm', 'dbscan'] as const;
export const PREDICTION_ALGORITHMS = ['linear_regression', 'random_forest', 'gradient_boosting'] as const;
export const REPORT_FORMATS = ['html', 'pdf', 'both'] as const;
export const REPORT_METRICS = ['mse', 'rmse', 'mae', 'r2'] as const;
/** The report's figure names (one chart each; an unknown name is a configuration error). */
export const REPORT_FIGURES = REPORT_FIGURE_NAMES;
export const SERVER_ENVIRONMENTS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const featureName = z.string().transform((s, ctx): CustomerField => {
  const n = normalizeFeatureName(s);
  if (n === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown customer field "${s}"; expected one of ${CUSTOMER_FIELDS.join(', ')} (or the original CSV header)`,
    });
    return z.NEVER;
  }
  return n;
});
/** A list of fields of one kind; each wrong entry is reported at its own index. */
const fieldsOf = (allowed: readonly CustomerField[], kind: string) =>
  z.array(featureName).superRefine((names, ctx) =>
    names.forEach((n, i) => {
      if (!allowed.includes(n)) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `"${n}" is not a ${kind} field (${allowed.join(', ')})`,
        });
      }
    }),
  );
const numericalFields = fieldsOf(NUMERIC_CUSTOMER_FIELDS, 'numerical');
const categoricalFields = fieldsOf(CATEGORICAL_CUSTOMER_FIELDS, 'categorical');

const positiveInt = z.number().int().min(1);
const nonEmpty = z.string().min(1);
/** A limit: a non-negative integer, or "unlimited"/null → null. */
const limit = z
  .union([z.number().int().min(0), z.literal('unlimited'), z.null()])
  .transform((v) => (v === 'unlimited' ? null : v));
const secret = z.string().min(1).nullable();

// Python logging level names (the original used "INFO") map onto pino's.
const LEVEL_ALIASES: Record<string, string> = { warning: 'warn', critical: 'fatal', notset: 'trace' };
const logLevel = z
  .string()
  .transform((s) => LEVEL_ALIASES[s.toLowerCase()] ?? s.toLowerCase())
  .pipe(z.enum(LOG_LEVELS));
// The original value was a Python logging format string; it becomes human-readable output.
const logFormat = z
  .string()
  .transform((s) => (s.includes('%(') ? 'pretty' : s))
  .pipe(z.enum(['json', 'pretty']));
// "segmentation" is the file name the original pipeline actually wrote for the clusters figure.
const figureName = z
  .string()
  .transform((s) => (s === 'segmentation' ? 'clusters' : s))
  .pipe(z.enum(REPORT_FIGURES));

const planLimits = z.strictObject({ api_calls_per_month: limit, customers: limit });

export const configSchema = z.strictObject({
  data: z.strictObject({ raw_path: nonEmpty, processed_path: nonEmpty, raw_filename: nonEmpty }),
  models: z.strictObject({
    random_seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    segmentation: z
      .strictObject({
        algorithm: z.enum(SEGMENTATION_ALGORITHMS),
        n_clusters: z.union([z.literal('auto'), z.number().int().min(2).max(100)]),
        max_iter: positiveInt,
        n_init: positiveInt,
        features: numericalFields.min(1),
        silhouette_range: z.tuple([z.number().int().min(2), z.number().int().min(3)]),
        dbscan: z.strictObject({ eps: z.number().positive(), min_samples: positiveInt }),
      })
      .superRefine((seg, ctx) => {
        if (seg.silhouette_range[0] >= seg.silhouette_range[1]) {
          ctx.addIssue({
            code: 'custom',
            path: ['silhouette_range'],
            message: 'must be [min, max) with min < max',
          });
        }
      }),
    prediction: z
      .strictObject({
        algorithm: z.enum(PREDICTION_ALGORITHMS),
        target: featureName,
        test_size: z.number().gt(0).lt(1),
        cv_folds: z.number().int().min(2).max(50),
        features: z.strictObject({ numerical: numericalFields, categorical: categoricalFields }),
        drop_first: z.boolean(),
      })
      .superRefine((pred, ctx) => {
        if (!NUMERIC_CUSTOMER_FIELDS.includes(pred.target)) {
          ctx.addIssue({
            code: 'custom',
            path: ['target'],
            message: `the target must be numerical (${NUMERIC_CUSTOMER_FIELDS.join(', ')})`,
          });
        }
        if (pred.features.numerical.includes(pred.target)) {
          ctx.addIssue({
            code: 'custom',
            path: ['features', 'numerical'],
            message: `must not contain the target "${pred.target}"`,
          });
        }
        if (pred.features.numerical.length + pred.features.categorical.length === 0) {
          ctx.addIssue({ code: 'custom', path: ['features'], message: 'at least one feature is required' });
        }
      }),
  }),
  features: z.strictObject({
    numerical: numericalFields,
    categorical: categoricalFields,
    // The import column that holds the customer id; canonical when it names a known field.
    id_column: nonEmpty.transform((s) => normalizeFeatureName(s) ?? s),
  }),
  reporting: z.strictObject({
    format: z.enum(REPORT_FORMATS),
    save_path: nonEmpty,
    figures_path: nonEmpty,
    dpi: z.number().int().min(36).max(600),
    metrics: z.array(z.enum(REPORT_METRICS)),
    figures: z.array(figureName),
  }),
  ai: z.strictObject({
    provider: z.enum(['groq', 'openai', 'anthropic', 'none']),
    model: nonEmpty,
    max_tokens: positiveInt,
    temperature: z.number().min(0).max(2),
    api_key: secret,
    // OpenAI-compatible endpoint root (…/v1); null = the provider's public API.
    base_url: z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, 'must start with http:// or https://')
      .nullable(),
    timeout_ms: z.number().int().min(100).max(120_000),
  }),
  logging: z.strictObject({ level: logLevel, format: logFormat }),
  database: z.strictObject({
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .nullable(),
    data_dir: nonEmpty,
    pool_size: z.number().int().min(1).max(100),
    ssl: z.enum(['auto', 'require', 'disable']),
    migrate_on_start: z.boolean(),
  }),
  tenant: z.strictObject({
    default_slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes'),
    default_name: nonEmpty,
    default_plan: z.enum(PLAN_NAMES),
  }),
  plans: z.strictObject({
    default_plan: z.enum(PLAN_NAMES),
    basic: planLimits,
    professional: planLimits,
    enterprise: planLimits,
  }),
  server: z.strictObject({
    // production refuses to start without auth.jwt_secret (CONFIG_SECRET_REQUIRED).
    environment: z.enum(SERVER_ENVIRONMENTS),
    host: nonEmpty,
    port: z.number().int().min(0).max(65535),
    cors_origins: z.array(nonEmpty),
    trusted_proxies: z.array(nonEmpty),
    body_limit: positiveInt,
  }),
  auth: z.strictObject({
    jwt_secret: z.string().min(32, 'must be at least 32 characters').nullable(),
    issuer: nonEmpty,
    audience: nonEmpty,
    access_token_minutes: positiveInt,
    refresh_token_days: positiveInt,
  }),
  billing: z.strictObject({ stripe_secret_key: secret, stripe_webhook_secret: secret }),
  import: z.strictObject({ batch_size: z.number().int().min(1).max(50_000) }),
  drift: z.strictObject({
    psi_threshold: z.number().positive(),
    ks_alpha: z.number().gt(0).lt(1),
  }),
});

/** The validated configuration in its YAML (snake_case) shape. */
export type RawConfig = z.output<typeof configSchema>;
