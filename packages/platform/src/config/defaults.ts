/**
 * Built-in defaults, in the YAML (snake_case) shape. The one place defaults live: the YAML file
 * and the environment are deep-merged over this object before the schema validates the result.
 * Values of the original config.yaml are kept unless noted in docs/configuration.md.
 */
export const DEFAULTS = {
  data: {
    raw_path: 'data/raw',
    processed_path: 'data/processed',
    raw_filename: 'Customers.csv',
  },
  models: {
    random_seed: 42,
    segmentation: {
      algorithm: 'kmeans',
      n_clusters: 'auto',
      max_iter: 300,
      n_init: 10,
      features: ['age', 'annual_income', 'spending_score'],
      silhouette_range: [2, 11],
      dbscan: { eps: 0.5, min_samples: 5 },
    },
    prediction: {
      algorithm: 'linear_regression',
      target: 'spending_score',
      test_size: 0.2,
      cv_folds: 5,
      features: {
        numerical: ['annual_income', 'age', 'work_experience', 'family_size'],
        categorical: ['profession'],
      },
      drop_first: true,
    },
  },
  features: {
    numerical: ['age', 'annual_income', 'spending_score', 'work_experience', 'family_size'],
    categorical: ['gender', 'profession'],
    id_column: 'customer_id',
  },
  reporting: {
    format: 'html',
    save_path: 'reports',
    figures_path: 'reports/figures',
    dpi: 150,
    metrics: ['mse', 'mae', 'r2'],
    figures: [
      'clusters',
      'segment_profiles',
      'prediction',
      'feature_importance',
      'correlation',
      'savings',
      'drift',
    ],
  },
  ai: {
    provider: 'groq',
    model: 'llama-3.3-70b-versatile',
    max_tokens: 150,
    temperature: 0.3,
    api_key: null,
    base_url: null,
    timeout_ms: 10_000,
  },
  logging: {
    level: 'info',
    format: 'json',
  },
  database: {
    url: null,
    data_dir: './.cohortlens/data',
    pool_size: 10,
    ssl: 'auto',
    migrate_on_start: true,
  },
  tenant: {
    default_slug: 'local',
    default_name: 'Local',
    default_plan: 'enterprise',
  },
  plans: {
    default_plan: 'basic',
    basic: { api_calls_per_month: 10_000, customers: 1_000 },
    professional: { api_calls_per_month: 100_000, customers: 10_000 },
    enterprise: { api_calls_per_month: 'unlimited', customers: 'unlimited' },
  },
  server: {
    environment: 'development',
    host: '127.0.0.1',
    port: 8000,
    cors_origins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
    trusted_proxies: [],
    body_limit: 1_048_576,
  },
  auth: {
    jwt_secret: null,
    issuer: 'cohortlens',
    audience: 'cohortlens-api',
    access_token_minutes: 15,
    refresh_token_days: 30,
  },
  billing: {
    stripe_secret_key: null,
    stripe_webhook_secret: null,
  },
  import: {
    batch_size: 1000,
  },
  drift: {
    psi_threshold: 0.1,
    ks_alpha: 0.05,
  },
} as const;
