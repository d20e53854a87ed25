/**
 * Table → design matrix: numeric columns median-imputed then (optionally) standard-scaled,
 * categorical columns `Unknown`-imputed then one-hot encoded. Fitted once; `transform` reuses
 * the fitted medians, scaler and categories, so it encodes a SINGLE row exactly as it encoded that
 * row inside the training table (the seed refitted its encoder per request). The target column is
 * never needed. Output columns: the numeric features in the given order, then each categorical
 * feature's one-hot columns (`profession=Doctor`, …). Complexity O(n·(p + categories)).
 */
import { EngineError } from '../core/engine-error.js';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { expectSerialized, type SerializedModel } from '../core/serialized-model.js';
import type { FeatureGroup } from '../prediction/regressor.js';
import { decodeExactFloats, encodeExactFloats, type ExactFloat } from './exact-floats.js';
import { nanMedian } from './imputation.js';
import { fitOneHotEncoder, oneHotEncoderFromJSON, type OneHotEncoderModel } from './one-hot-encoder.js';
import { fitStandardScaler, standardScalerFromJSON, type StandardScalerModel } from './standard-scaler.js';
import {
  getCategoricalColumn,
  getNumericColumn,
  tableFromRecords,
  type RawRow,
  type Table,
} from './table.js';

export const TABULAR_TRANSFORMER_KIND = 'tabular-transformer';
const VERSION = 1;

export interface TabularTransformerOptions {
  readonly numeric: readonly string[];
  readonly categorical: readonly string[];
  /** Standard-scale numeric columns (after imputation); default true. */
  readonly scale?: boolean;
  /** Drop each categorical feature's first category column (the seed's drop_first); default false. */
  readonly dropFirst?: boolean;
}

export interface TabularTransformer {
  readonly kind: typeof TABULAR_TRANSFORMER_KIND;
  readonly numeric: readonly string[];
  readonly categorical: readonly string[];
  /** Training medians used to impute each numeric feature. */
  readonly medians: Float64Array;
  readonly scaler: StandardScalerModel | null;
  readonly encoders: readonly OneHotEncoderModel[];
  /** Names of the design columns, e.g. ["annual_income", …, "profession=Artist", …]. */
  readonly outputColumnNames: readonly string[];
  /** Design columns per original feature (one group per numeric and per categorical feature). */
  readonly featureGroups: readonly FeatureGroup[];
  /** Encodes a table or raw rows (objects keyed by feature name; extra keys such as the target are ignored). */
  transform(input: Table | readonly RawRow[]): Matrix;
  toJSON(): SerializedModel<typeof TABULAR_TRANSFORMER_KIND, TabularTransformerParams>;
}

export interface TabularTransformerParams {
  numeric: string[];
  categorical: string[];
  medians: ExactFloat[];
  scaler: unknown;
  encoders: unknown[];
}

export interface TabularFitResult {
  readonly transformer: TabularTransformer;
  /** The training table's design matrix. */
  readonly X: Matrix;
  readonly featureGroups: readonly FeatureGroup[];
  readonly outputColumnNames: readonly string[];
}

/** Fits imputation, scaling and one-hot encoding on a table and encodes it. */
export function fitTabularTransformer(table: Table, options: TabularTransformerOptions): TabularFitResult {
  if (table.nRows === 0) throw new EngineError('EMPTY_INPUT', 'cannot fit a transformer on 0 rows');
  const all = [...options.numeric, ...options.categorical];
  if (all.length === 0) throw new EngineError('INVALID_OPTION', 'no features given');
  if (new Set(all).size !== all.length) throw new EngineError('INVALID_OPTION', 'a feature is listed twice');
  const medians = Float64Array.from(options.numeric, (name) => nanMedian(getNumericColumn(table, name)));
  const encoders = options.categorical.map((name) =>
    fitOneHotEncoder(getCategoricalColumn(table, name), { dropFirst: options.dropFirst }),
  );
  let scaler: StandardScalerModel | null = null;
  if (options.scale ?? true) {
    const raw = imputedNumeric(table, options.numeric, medians);
    scaler = options.numeric.length > 0 ? fitStandardScaler(raw) : null;
  }
  const transformer = buildTransformer(
    [...options.numeric],
    [...options.categorical],
    medians,
    scaler,
    encoders,
  );
  return {
    transformer,
    X: transformer.transform(table),
    featureGroups: transformer.featureGroups,
    outputColumnNames: transformer.outputColumnNames,
  };
}

function imputedNumeric(table: Table, numeric: readonly string[], medians: Float64Array): Matrix {
  const out = createMatrix(table.nRows, numeric.length);
  numeric.forEach((name, j) => {
    const v = getNumericColumn(table, name);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x === Infinity || x === -Infinity) {
        throw new EngineError('NON_FINITE_INPUT', `feature ${name} has an infinite value at row ${i}`, {
          feature: name,
          row: i,
        });
      }
      out.data[i * numeric.length + j] = Number.isNaN(x) ? medians[j] : x;
    }
  });
  return out;
}

function buildTransformer(
  numeric: string[],
  categorical: string[],
  medians: Float64Array,
  scaler: StandardScalerModel | null,
  encoders: OneHotEncoderModel[],
): TabularTransformer {
  const outputColumnNames: string[] = [...numeric];
  const featureGroups: FeatureGroup[] = numeric.map((name, j) => ({ name, columns: [j] }));
  categorical.forEach((name, c) => {
    const columns: number[] = [];
    for (const cat of encoders[c].outputCategories) {
      columns.push(outputColumnNames.length);
      outputColumnNames.push(`${name}=${cat}`);
    }
    featureGroups.push({ name, columns });
  });
  const nOut = outputColumnNames.length;
  const p = numeric.length;

  const transform = (input: Table | readonly RawRow[]): Matrix => {
    const table = isTable(input) ? input : tableFromRecords(input, { numeric, categorical });
    const num = imputedNumeric(table, numeric, medians);
    const scaled = scaler ? scaler.transform(num) : num;
    const out = createMatrix(table.nRows, nOut);
    for (let i = 0; i < table.nRows; i++) {
      for (let j = 0; j < p; j++) out.data[i * nOut + j] = scaled.data[i * p + j];
    }
    categorical.forEach((name, c) => {
      const values = getCategoricalColumn(table, name);
      const base = featureGroups[p + c].columns;
      for (let i = 0; i < table.nRows; i++) {
        const k = encoders[c].columnOf(values[i]);
        if (k >= 0) out.data[i * nOut + base[k]] = 1;
      }
    });
    return out;
  };

  return {
    kind: TABULAR_TRANSFORMER_KIND,
    numeric,
    categorical,
    medians,
    scaler,
    encoders,
    outputColumnNames,
    featureGroups,
    transform,
    toJSON: () => ({
      kind: TABULAR_TRANSFORMER_KIND,
      version: VERSION,
      params: {
        numeric: [...numeric],
        categorical: [...categorical],
        medians: encodeExactFloats(medians),
        scaler: scaler ? scaler.toJSON() : null,
        encoders: encoders.map((e) => e.toJSON()),
      },
    }),
  };
}

function isTable(input: Table | readonly RawRow[]): input is Table {
  return !Array.isArray(input);
}

/** Rebuilds a fitted transformer from toJSON() output. */
export function tabularTransformerFromJSON(json: unknown): TabularTransformer {
  const s = expectSerialized(json, TABULAR_TRANSFORMER_KIND, [VERSION]);
  const p = s.params as TabularTransformerParams;
  return buildTransformer(
    p.numeric,
    p.categorical,
    decodeExactFloats(p.medians),
    p.scaler === null ? null : standardScalerFromJSON(p.scaler),
    p.encoders.map(oneHotEncoderFromJSON),
  );
}
