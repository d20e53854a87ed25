/**
 * Turns environment variables into a partial YAML-shaped config object.
 *
 * - Named variables (EXPLICIT_ENV below), e.g. DATABASE_URL → database.url.
 * - The generic scheme COHORTLENS_<SECTION>__<KEY>[__<SUBKEY>…]: segments are lower-cased and
 *   separated by double underscores, e.g. COHORTLENS_MODELS__SEGMENTATION__N_CLUSTERS=6. Values are
 *   parsed as YAML scalars/flow collections, so `8080`, `true`, `null` and `[a, b]` are typed.
 *   These win over the named variables. Keys whose default is null (URLs, secrets) take the
 *   value verbatim, so a numeric-looking secret stays a string.
 * Empty values count as unset (`KEY=` lines in .env files).
 */
import { parse as parseYaml } from 'yaml';
import { DEFAULTS } from './defaults.js';

/** Named variables → config path. `string` ones are taken verbatim (URLs, secrets). */
export const EXPLICIT_ENV: Readonly<Record<string, { path: readonly string[]; raw: boolean }>> = {
  NEON_DATABASE_URL: { path: ['database', 'url'], raw: true },
  DATABASE_URL: { path: ['database', 'url'], raw: true },
  COHORTLENS_DATA_DIR: { path: ['database', 'data_dir'], raw: true },
  LOG_LEVEL: { path: ['logging', 'level'], raw: true },
  DATA_RAW_PATH: { path: ['data', 'raw_path'], raw: true },
  DATA_PROCESSED_PATH: { path: ['data', 'processed_path'], raw: true },
  JWT_SECRET: { path: ['auth', 'jwt_secret'], raw: true },
  NODE_ENV: { path: ['server', 'environment'], raw: true },
  STRIPE_SECRET_KEY: { path: ['billing', 'stripe_secret_key'], raw: true },
  STRIPE_WEBHOOK_SECRET: { path: ['billing', 'stripe_webhook_secret'], raw: true },
  GROQ_API_KEY: { path: ['ai', 'api_key'], raw: true },
  GROQ_MODEL: { path: ['ai', 'model'], raw: true },
};

/** Variables that are read by the loader itself rather than mapped to a key. */
export const LOADER_ENV = ['COHORTLENS_CONFIG'] as const;

export const ENV_PREFIX = 'COHORTLENS_';

export interface EnvOverrides {
  /** Partial config in YAML shape. */
  readonly values: Record<string, unknown>;
  /** Dotted config path → the variable that set it (for error messages). */
  readonly sources: ReadonlyMap<string, string>;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

function defaultAt(path: readonly string[]): unknown {
  let node: unknown = DEFAULTS;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function parseValue(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return text;
  }
}

/** Extracts config overrides from an environment map. Pure. */
export function envOverrides(env: Readonly<Record<string, string | undefined>>): EnvOverrides {
  const values: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  for (const [name, spec] of Object.entries(EXPLICIT_ENV)) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    setPath(values, spec.path, spec.raw ? v : parseValue(v));
    sources.set(spec.path.join('.'), name);
  }
  for (const [name, v] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (!name.startsWith(ENV_PREFIX) || !name.includes('__') || v === undefined || v === '') continue;
    const path = name.slice(ENV_PREFIX.length).toLowerCase().split('__');
    if (path.some((p) => p === '')) continue;
    setPath(values, path, defaultAt(path) === null ? v : parseValue(v));
    sources.set(path.join('.'), name);
  }
  return { values, sources };
}
