/**
 * One-hot encoding of one categorical column, fitted once and reused at inference.
 * Categories are the sorted distinct training values (scikit-learn's OneHotEncoder order); missing
 * values (null) are first imputed to `Unknown`, which becomes an ordinary category when seen in
 * training. An UNSEEN category at inference encodes as an all-zero row (sklearn's
 * handle_unknown='ignore'), so a single new profession never breaks a prediction.
 * `dropFirst` (the seed's `drop_first: true`) drops the first category's column; then an unseen
 * category and the first category both encode as all zeros — the same trade-off as sklearn.
 * Complexity O(n) per transform (Map lookups).
 */
import { EngineError } from '../core/engine-error.js';
import { expectSerialized, type SerializedModel } from '../core/serialized-model.js';
import { UNKNOWN_CATEGORY } from './imputation.js';

export const ONE_HOT_ENCODER_KIND = 'one-hot-encoder';
const VERSION = 1;

export interface OneHotEncoderOptions {
  /** Drop the first (sorted) category's column; default false. */
  readonly dropFirst?: boolean;
}

interface OneHotParams {
  categories: string[];
  dropFirst: boolean;
}

export interface OneHotEncoderModel {
  readonly kind: typeof ONE_HOT_ENCODER_KIND;
  /** All training categories, sorted (including the dropped one). */
  readonly categories: readonly string[];
  readonly dropFirst: boolean;
  /** Categories that own an output column, in column order. */
  readonly outputCategories: readonly string[];
  /** Output column for a raw value (null → Unknown); -1 for unseen or dropped categories. */
  columnOf(value: string | null): number;
  toJSON(): SerializedModel<typeof ONE_HOT_ENCODER_KIND, OneHotParams>;
}

/** Learns the sorted categories of a column (null counted as `Unknown`). */
export function fitOneHotEncoder(
  values: ReadonlyArray<string | null>,
  options: OneHotEncoderOptions = {},
): OneHotEncoderModel {
  if (values.length === 0) throw new EngineError('EMPTY_INPUT', 'cannot fit an encoder on 0 rows');
  const seen = new Set<string>();
  for (const v of values) seen.add(v ?? UNKNOWN_CATEGORY);
  // Code-unit order, as numpy sorts strings; locale-independent so it is the same everywhere.
  const categories = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return oneHotFrom({ categories, dropFirst: options.dropFirst ?? false });
}

function oneHotFrom(p: OneHotParams): OneHotEncoderModel {
  const outputCategories = p.dropFirst ? p.categories.slice(1) : p.categories.slice();
  const index = new Map<string, number>();
  outputCategories.forEach((c, i) => index.set(c, i));
  return {
    kind: ONE_HOT_ENCODER_KIND,
    categories: p.categories,
    dropFirst: p.dropFirst,
    outputCategories,
    columnOf: (value) => index.get(value ?? UNKNOWN_CATEGORY) ?? -1,
    toJSON: () => ({
      kind: ONE_HOT_ENCODER_KIND,
      version: VERSION,
      params: { categories: [...p.categories], dropFirst: p.dropFirst },
    }),
  };
}

/** Rebuilds an encoder from toJSON() output. */
export function oneHotEncoderFromJSON(json: unknown): OneHotEncoderModel {
  const s = expectSerialized(json, ONE_HOT_ENCODER_KIND, [VERSION]);
  return oneHotFrom(s.params as OneHotParams);
}
