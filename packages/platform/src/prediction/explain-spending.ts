/**
 * Explanations of the spending model on the original features: one customer (local) or many
 * (global importance). The background is the model's training sample, never the row itself
 * (the original explained a row against itself, so every attribution was about zero).
 */
import {
  explainGlobal,
  explainPrediction,
  selectRows,
  shuffledIndices,
  createRng,
  type GlobalExplanation,
  type PredictionExplanation,
  type RawRow,
  type SpendingModel,
  type Table,
} from '@cohortlens/engine';

export type ExplainMethodName = 'shap' | 'lime';

/** Explains one raw row (target not needed). */
export function explainSpending(
  model: SpendingModel,
  row: RawRow,
  method: ExplainMethodName = 'shap',
  seed = 42,
): PredictionExplanation {
  const x = model.encode([row]);
  const rawValues: Record<string, number | string> = {};
  for (const name of model.featureNames) {
    const v = row[name];
    if (typeof v === 'number' || typeof v === 'string') rawValues[name] = v;
  }
  return explainPrediction(model.regressor, x.data, {
    method,
    background: model.background,
    featureGroups: model.featureGroups,
    columnNames: model.outputColumnNames,
    rawValues,
    seed,
  });
}

/** Mean |SHAP| per original feature over a seeded sample of the table's rows. */
export function globalSpendingImportance(
  model: SpendingModel,
  table: Table,
  sampleSize = 2000,
  seed = 42,
): GlobalExplanation {
  const X = model.encode(table);
  const rows =
    X.rows <= sampleSize
      ? X
      : selectRows(
          X,
          Uint32Array.from(shuffledIndices(X.rows, createRng(seed)).subarray(0, sampleSize)).sort(),
        );
  return explainGlobal(model.regressor, rows, {
    method: 'shap',
    background: model.background,
    featureGroups: model.featureGroups,
    columnNames: model.outputColumnNames,
    seed,
  });
}
