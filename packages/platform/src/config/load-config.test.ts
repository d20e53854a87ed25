import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { DEFAULTS } from './defaults.js';
import { EXPLICIT_ENV } from './env-overrides.js';
import { IN_MEMORY_DATA_DIR, loadConfig } from './load-config.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const tempDir = () => mkdtempSync(join(tmpdir(), 'cl-config-'));
const withYaml = (yaml: string): string => {
  const dir = tempDir();
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'cohortlens.yaml'), yaml);
  return dir;
};
const catchError = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('loadConfig', () => {
  it('returns the defaults, camelCased, with absolute paths, when there is no file and no env', () => {
    const cwd = tempDir();
    const c = loadConfig({ env: {}, cwd });
    expect(c.configFile).toBeNull();
    expect(c.models.randomSeed).toBe(42);
    expect(c.models.segmentation.nClusters).toBe('auto');
    expect(c.models.segmentation.dbscan).toEqual({ eps: 0.5, minSamples: 5 });
    expect(c.models.prediction.features.numerical).toEqual([
      'annual_income',
      'age',
      'work_experience',
      'family_size',
    ]);
    expect(c.database.url).toBeNull();
    expect(c.database.dataDir).toBe(join(cwd, '.cohortlens/data'));
    expect(c.reporting.figuresPath).toBe(join(cwd, 'reports/figures'));
    expect(c.plans.enterprise).toEqual({ apiCallsPerMonth: null, customers: null });
    expect(c.plans.basic).toEqual({ apiCallsPerMonth: 10_000, customers: 1_000 });
    expect(c.tenant.defaultSlug).toBe('local');
  });

  it('is deep-frozen', () => {
    const c = loadConfig({ env: {}, cwd: tempDir() });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.models.segmentation.features)).toBe(true);
    expect(() => {
      (c.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('accepts the original config.yaml spellings and normalises them', () => {
    const cwd = withYaml(`
models:
  segmentation:
    n_clusters: 6
    features: ["Age", "Annual Income ($)", "Spending Score (1-100)"]
  prediction:
    target: "Spending Score (1-100)"
    features:
      numerical: ["Annual Income ($)", "Age", "Work Experience", "Family Size"]
      categorical: ["Profession"]
features:
  id_column: CustomerID
logging:
  level: INFO
  format: "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
`);
    const c = loadConfig({ env: {}, cwd });
    expect(c.configFile).toBe(join(cwd, 'config/cohortlens.yaml'));
    expect(c.models.segmentation.nClusters).toBe(6);
    expect(c.models.segmentation.features).toEqual(['age', 'annual_income', 'spending_score']);
    expect(c.models.prediction.target).toBe('spending_score');
    expect(c.models.prediction.features.numerical).toEqual([
      'annual_income',
      'age',
      'work_experience',
      'family_size',
    ]);
    expect(c.features.idColumn).toBe('customer_id');
    expect(c.logging).toEqual({ level: 'info', format: 'pretty' });
  });

  it('reports every problem at once with path and message', () => {
    const cwd = withYaml(`
models:
  segmentation:
    algorithm: spectral
    features: [Age, Height]
  prediction:
    test_size: 1.5
reporting:
  format: docx
server:
  prot: 80
`);
    const err = catchError(() => loadConfig({ env: { DATABASE_URL: 'mysql://db' }, cwd }));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.category).toBe('invalid_input');
    const issues = err.details?.issues as { path: string; message: string; source?: string }[];
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'models.segmentation.algorithm',
        'models.segmentation.features.1',
        'models.prediction.test_size',
        'reporting.format',
        'server',
        'database.url',
      ]),
    );
    expect(issues.find((i) => i.path === 'database.url')?.source).toBe('DATABASE_URL');
    expect(err.message).toContain('Height');
  });

  it('runs the cross-field checks', () => {
    const cwd = withYaml(`
models:
  segmentation:
    silhouette_range: [5, 3]
    features: [age, profession]
  prediction:
    target: gender
features:
  categorical: [gender, age]
server:
  port: not-a-number
`);
    const issues = catchError(() => loadConfig({ env: {}, cwd })).details?.issues as { path: string }[];
    // Cross-field checks are reported together with plain type errors elsewhere.
    expect(issues.map((i) => i.path).sort()).toEqual([
      'features.categorical.1',
      'models.prediction.target',
      'models.segmentation.features.1',
      'models.segmentation.silhouette_range',
      'server.port',
    ]);
  });

  it('applies the environment over the file: named variables and COHORTLENS_<SECTION>__<KEY>', () => {
    const cwd = withYaml('server:\n  port: 9000\nimport:\n  batch_size: 10\n');
    const c = loadConfig({
      cwd,
      env: {
        DATABASE_URL: 'postgres://u@db.example.com:5432/app?sslmode=require',
        COHORTLENS_DATA_DIR: 'var/pg',
        LOG_LEVEL: 'WARNING',
        COHORTLENS_SERVER__PORT: '8080',
        COHORTLENS_SERVER__CORS_ORIGINS: '[https://a.example, https://b.example]',
        COHORTLENS_MODELS__SEGMENTATION__N_CLUSTERS: '4',
        COHORTLENS_PLANS__BASIC__CUSTOMERS: 'unlimited',
        COHORTLENS_IMPORT__BATCH_SIZE: '',
        COHORTLENS_AUTH__JWT_SECRET: '12345678901234567890123456789012345',
      },
    });
    expect(c.auth.jwtSecret).toBe('12345678901234567890123456789012345');
    expect(c.database.url).toBe('postgres://u@db.example.com:5432/app?sslmode=require');
    expect(c.database.dataDir).toBe(join(cwd, 'var/pg'));
    expect(c.logging.level).toBe('warn');
    expect(c.server.port).toBe(8080);
    expect(c.server.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.models.segmentation.nClusters).toBe(4);
    expect(c.plans.basic.customers).toBeNull();
    expect(c.import.batchSize).toBe(10);
  });

  it('really uses an explicit config path, and fails with CONFIG_NOT_FOUND when it is missing', () => {
    const cwd = withYaml('server:\n  port: 1111\n');
    writeFileSync(join(cwd, 'other.yaml'), 'server:\n  port: 2222\n');
    expect(loadConfig({ env: {}, cwd, configPath: 'other.yaml' }).server.port).toBe(2222);
    expect(loadConfig({ env: { COHORTLENS_CONFIG: 'other.yaml' }, cwd }).server.port).toBe(2222);
    expect(loadConfig({ env: {}, cwd }).server.port).toBe(1111);
    const err = catchError(() => loadConfig({ env: {}, cwd, configPath: 'nope.yaml' }));
    expect(err.code).toBe('CONFIG_NOT_FOUND');
    expect(err.details?.file).toBe(join(cwd, 'nope.yaml'));
  });

  it('reports YAML syntax errors and non-mapping files as CONFIG_INVALID', () => {
    expect(catchError(() => loadConfig({ env: {}, cwd: withYaml('server: [unclosed\n') })).code).toBe(
      'CONFIG_INVALID',
    );
    expect(catchError(() => loadConfig({ env: {}, cwd: withYaml('- a\n- b\n') })).code).toBe(
      'CONFIG_INVALID',
    );
    expect(loadConfig({ env: {}, cwd: withYaml('') }).server.port).toBe(8000);
  });

  it('keeps the in-memory data dir marker', () => {
    expect(loadConfig({ env: { COHORTLENS_DATA_DIR: ':memory:' }, cwd: tempDir() }).database.dataDir).toBe(
      IN_MEMORY_DATA_DIR,
    );
  });

  it('the repository config file restates the defaults', () => {
    const empty = join(tempDir(), 'empty.yaml');
    writeFileSync(empty, '');
    const { configFile, ...fromRepo } = loadConfig({ env: {}, cwd: REPO_ROOT });
    const { configFile: _none, ...defaults } = loadConfig({ env: {}, cwd: REPO_ROOT, configPath: empty });
    expect(configFile).toBe(join(REPO_ROOT, 'config/cohortlens.yaml'));
    expect(fromRepo).toEqual(defaults);
  });
});

/** Every leaf key path of the defaults, e.g. "models.segmentation.dbscan.eps". */
function keyPaths(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('documentation', () => {
  const docs = readFileSync(join(REPO_ROOT, 'docs/configuration.md'), 'utf8');
  const envExample = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');

  // DEFAULTS passes the strict schema in which every key is required, so its key paths are exactly
  // the schema's keys.
  it('docs/configuration.md documents every key of the schema', () => {
    const missing = keyPaths(DEFAULTS).filter((p) => !docs.includes(`\`${p}\``));
    expect(missing).toEqual([]);
  });

  it('docs/configuration.md and .env.example list every named environment variable', () => {
    const names = [...Object.keys(EXPLICIT_ENV), 'COHORTLENS_CONFIG'];
    expect(names.filter((n) => !docs.includes(n))).toEqual([]);
    expect(names.filter((n) => !envExample.includes(n))).toEqual([]);
  });
});
