/**
 * Loads the configuration once per entry point: DEFAULTS ← YAML file ← environment, validated by
 * the one schema (every issue reported at once), camelCased, paths resolved, deep-frozen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parseDocument } from 'yaml';
import { AppError } from '../errors/app-error.js';
import { configSchema, type RawConfig } from './config-schema.js';
import { camelizeKeys, type Config } from './config-types.js';
import { DEFAULTS } from './defaults.js';
import { envOverrides } from './env-overrides.js';

/** Default location of the YAML file, relative to the working directory. */
export const DEFAULT_CONFIG_PATH = 'config/cohortlens.yaml';
/** `database.data_dir` value selecting an in-memory database (tests, throw-away runs). */
export const IN_MEMORY_DATA_DIR = 'memory://';

export interface LoadConfigOptions {
  /** Explicit YAML file (e.g. `--config FILE`); must exist. Wins over COHORTLENS_CONFIG. */
  readonly configPath?: string;
  /**
   * Environment variables. When omitted, `process.env` merged over `<cwd>/.env` is used; when given,
   * it is used as is (tests pass it explicitly, so the result depends only on the arguments).
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Base for relative paths and for the default config file. Defaults to `process.cwd()`. */
  readonly cwd?: string;
}

/** One validation problem: dotted path and message. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
  /** The environment variable that supplied the value, when one did. */
  readonly source?: string;
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Deep merge: objects merge key by key, everything else (arrays included) replaces. */
function merge(base: unknown, over: unknown): unknown {
  if (!isTree(base) || !isTree(over)) return over === undefined ? base : over;
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function invalid(issues: ConfigIssue[], file: string | null): AppError {
  const list = issues.map(
    (i) => `  - ${i.path || '(root)'}: ${i.message}${i.source ? ` (from ${i.source})` : ''}`,
  );
  return new AppError(
    'CONFIG_INVALID',
    'invalid_input',
    `Invalid configuration${file ? ` (${file})` : ''}:\n${list.join('\n')}`,
    { details: { file, issues } },
  );
}

function readYaml(file: string): Tree {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length > 0) {
    throw invalid(
      doc.errors.map((e) => ({ path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` })),
      file,
    );
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (!isTree(value))
    throw invalid([{ path: '', message: 'the file must contain a mapping of sections' }], file);
  return value;
}

function readDotenv(cwd: string): Record<string, string> {
  const file = resolve(cwd, '.env');
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

function resolvePaths(raw: RawConfig, cwd: string): RawConfig {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const memory = raw.database.data_dir === IN_MEMORY_DATA_DIR || raw.database.data_dir === ':memory:';
  return {
    ...raw,
    data: { ...raw.data, raw_path: abs(raw.data.raw_path), processed_path: abs(raw.data.processed_path) },
    reporting: {
      ...raw.reporting,
      save_path: abs(raw.reporting.save_path),
      figures_path: abs(raw.reporting.figures_path),
    },
    database: { ...raw.database, data_dir: memory ? IN_MEMORY_DATA_DIR : abs(raw.database.data_dir) },
  };
}

/**
 * Loads, validates and freezes the configuration.
 * @throws AppError CONFIG_NOT_FOUND when an explicit file (option or COHORTLENS_CONFIG) is missing;
 *   CONFIG_INVALID with `details.issues` listing every problem (path + message).
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? { ...readDotenv(cwd), ...process.env };

  const explicit = options.configPath ?? (env.COHORTLENS_CONFIG || undefined);
  let file: string | null = null;
  if (explicit !== undefined) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) {
      throw new AppError('CONFIG_NOT_FOUND', 'invalid_input', `Configuration file not found: ${file}`, {
        details: { file },
      });
    }
  } else if (existsSync(resolve(cwd, DEFAULT_CONFIG_PATH))) {
    file = resolve(cwd, DEFAULT_CONFIG_PATH);
  }

  const fromFile = file === null ? {} : readYaml(file);
  const overrides = envOverrides(env);
  const merged = merge(merge(DEFAULTS, fromFile), overrides.values);

  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i): ConfigIssue => {
      const path = i.path.join('.');
      const source = [...overrides.sources].find(([p]) => path === p || path.startsWith(`${p}.`))?.[1];
      return source === undefined ? { path, message: i.message } : { path, message: i.message, source };
    });
    throw invalid(issues, file);
  }

  const config = { ...(camelizeKeys(resolvePaths(parsed.data, cwd)) as object), configFile: file };
  return deepFreeze(config) as Config;
}
