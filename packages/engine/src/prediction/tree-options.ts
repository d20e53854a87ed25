import { EngineError } from '../core/engine-error.js';

/** `maxFeatures` as scikit-learn: a fraction in (0, 1], an integer count > 1, 'sqrt' or 'log2'. */
export type MaxFeatures = number | 'sqrt' | 'log2';

/** Resolves maxFeatures to a count in 1..p. */
export function resolveMaxFeatures(m: MaxFeatures, p: number): number {
  if (m === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(p)));
  if (m === 'log2') return Math.max(1, Math.floor(Math.log2(p)));
  if (typeof m === 'number' && m > 0 && m <= 1) return Math.max(1, Math.floor(m * p));
  if (typeof m === 'number' && Number.isInteger(m) && m > 1) return Math.min(p, m);
  throw new EngineError(
    'INVALID_OPTION',
    `maxFeatures must be a fraction in (0, 1], an integer, 'sqrt' or 'log2'`,
  );
}

/** Throws INVALID_OPTION unless v is an integer ≥ min (or Infinity when allowed). */
export function checkInteger(name: string, v: number, min: number, allowInfinity = false): void {
  if (allowInfinity && v === Infinity) return;
  if (!Number.isInteger(v) || v < min) {
    throw new EngineError('INVALID_OPTION', `${name} must be an integer ≥ ${min}, got ${v}`);
  }
}

/** Throws INVALID_OPTION unless min < v < max (or the inclusive variant). */
export function checkRange(name: string, v: number, min: number, max: number, inclusive = false): void {
  const ok = inclusive ? v >= min && v <= max : v > min && v < max;
  if (!ok || !Number.isFinite(v))
    throw new EngineError(
      'INVALID_OPTION',
      `${name} must be in ${inclusive ? '[' : '('}${min}, ${max}${inclusive ? ']' : ')'}, got ${v}`,
    );
}
