import { EngineError } from './engine-error.js';

/** The envelope every fitted estimator or transformer serializes to. */
export interface SerializedModel<K extends string = string, P = unknown> {
  kind: K;
  version: number;
  params: P;
}

/** Checks the kind and version of a serialized model before it is rebuilt. */
export function expectSerialized<K extends string>(
  json: unknown,
  kind: K,
  supportedVersions: readonly number[],
): SerializedModel<K> {
  if (typeof json !== 'object' || json === null || !('kind' in json) || !('version' in json)) {
    throw new EngineError('UNKNOWN_MODEL_KIND', 'not a serialized model (kind and version missing)');
  }
  const candidate = json as SerializedModel;
  if (candidate.kind !== kind) {
    throw new EngineError('UNKNOWN_MODEL_KIND', `expected a ${kind} model, got ${String(candidate.kind)}`);
  }
  if (!supportedVersions.includes(candidate.version)) {
    throw new EngineError(
      'UNSUPPORTED_MODEL_VERSION',
      `${kind} version ${candidate.version} is not supported`,
    );
  }
  return candidate as SerializedModel<K>;
}

/** Float64Array ↔ plain numbers for JSON; every double round-trips exactly through JSON numbers. */
export const encodeFloats = (a: Float64Array): number[] => Array.from(a);
export const decodeFloats = (a: readonly number[]): Float64Array => Float64Array.from(a);
