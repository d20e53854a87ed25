import { EngineError } from '../core/engine-error.js';
import type { FeatureGroup } from '../prediction/regressor.js';

/**
 * The original features an explanation reports on, each with the encoded design columns it owns.
 * Every encoded column belongs to exactly one feature, so folded contributions keep additivity.
 */
export interface FeatureLayout {
  readonly names: readonly string[];
  readonly columns: readonly (readonly number[])[];
}

/**
 * Builds the layout from optional feature groups. Columns that no group claims become features of
 * their own, named after `columnNames[j]` (or `x{j}`), in column order after the groups.
 * Throws INVALID_OPTION when a group names a column twice, a column out of range, or a duplicate name.
 */
export function resolveFeatureLayout(
  nColumns: number,
  featureGroups?: readonly FeatureGroup[],
  columnNames?: readonly string[],
): FeatureLayout {
  if (columnNames !== undefined && columnNames.length !== nColumns) {
    throw new EngineError(
      'INVALID_OPTION',
      `columnNames has ${columnNames.length} names for ${nColumns} columns`,
    );
  }
  const owner = new Int32Array(nColumns).fill(-1);
  const names: string[] = [];
  const columns: number[][] = [];
  for (const group of featureGroups ?? []) {
    if (group.columns.length === 0) {
      throw new EngineError('INVALID_OPTION', `feature group "${group.name}" has no columns`);
    }
    for (const c of group.columns) {
      if (!Number.isInteger(c) || c < 0 || c >= nColumns) {
        throw new EngineError('INVALID_OPTION', `feature group "${group.name}" names column ${c}`, {
          nColumns,
        });
      }
      if (owner[c] !== -1) {
        throw new EngineError('INVALID_OPTION', `column ${c} belongs to two feature groups`, {
          groups: [names[owner[c]], group.name],
        });
      }
      owner[c] = names.length;
    }
    names.push(group.name);
    columns.push([...group.columns]);
  }
  for (let c = 0; c < nColumns; c++) {
    if (owner[c] !== -1) continue;
    names.push(columnNames?.[c] ?? `x${c}`);
    columns.push([c]);
  }
  if (new Set(names).size !== names.length) {
    throw new EngineError('INVALID_OPTION', 'feature names must be unique', { names });
  }
  return { names, columns };
}

/** Sums per-column values into per-feature values (SHAP values are additive over columns). */
export function foldColumns(values: ArrayLike<number>, layout: FeatureLayout): Float64Array {
  const out = new Float64Array(layout.names.length);
  for (let g = 0; g < out.length; g++) {
    let s = 0;
    for (const c of layout.columns[g]) s += values[c];
    out[g] = s;
  }
  return out;
}
