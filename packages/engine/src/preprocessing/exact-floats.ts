/**
 * JSON-safe encoding of doubles that keeps every bit: JSON turns -0 into 0 and NaN/±Infinity into
 * null, so those four values are written as strings ("-0", "NaN", "Infinity", "-Infinity").
 * Every other double round-trips exactly through a JSON number (shortest round-trip printing).
 */
export type ExactFloat = number | '-0' | 'NaN' | 'Infinity' | '-Infinity';

/** One double → a JSON-safe value. */
export function encodeExactFloat(v: number): ExactFloat {
  if (Number.isFinite(v)) return Object.is(v, -0) ? '-0' : v;
  if (Number.isNaN(v)) return 'NaN';
  return v > 0 ? 'Infinity' : '-Infinity';
}

/** The inverse of encodeExactFloat. */
export function decodeExactFloat(v: ExactFloat): number {
  if (typeof v === 'number') return v;
  switch (v) {
    case '-0':
      return -0;
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    default:
      return -Infinity;
  }
}

/** Float64Array → JSON-safe array, bit-exact. */
export function encodeExactFloats(a: ArrayLike<number>): ExactFloat[] {
  const out: ExactFloat[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = encodeExactFloat(a[i]);
  return out;
}

/** JSON-safe array → Float64Array, bit-exact. */
export function decodeExactFloats(a: readonly ExactFloat[]): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = decodeExactFloat(a[i]);
  return out;
}
