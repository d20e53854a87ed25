/**
 * The camelCase, deep-readonly `Config` object handed to every use case, derived from the schema's
 * snake_case output so the two can never drift apart.
 */
import type { RawConfig } from './config-schema.js';

type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

/** Deeply renames snake_case keys to camelCase and makes everything readonly. */
export type DeepCamelReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepCamelReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T as K extends string ? CamelCase<K> : K]: DeepCamelReadonly<T[K]> }
    : T;

/**
 * The validated, frozen configuration. Paths (`data.rawPath`, `data.processedPath`,
 * `reporting.savePath`, `reporting.figuresPath`, `database.dataDir`) are absolute, except
 * `database.dataDir === 'memory://'` (in-memory database). Plan limits are `null` when unlimited.
 */
export type Config = DeepCamelReadonly<RawConfig> & {
  /** Absolute path of the YAML file that was read, or null when only defaults and env were used. */
  readonly configFile: string | null;
};

export type PlanName = Config['plans']['defaultPlan'];
export type PlanLimits = Config['plans']['basic'];

const camel = (k: string): string => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Runtime counterpart of DeepCamelReadonly (without the freezing, done by the loader). */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelizeKeys(v)]));
  }
  return value;
}
