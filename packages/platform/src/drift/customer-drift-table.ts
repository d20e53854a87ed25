/**
 * Customer tables as drift inputs: numeric and categorical customer fields, the id never tested,
 * and fields with no values at all left out (a file without professions has nothing to compare).
 */
import type { DriftTable, Table } from '@cohortlens/engine';

export function customerDriftTable(table: Table): DriftTable {
  const result: DriftTable = {};
  for (const name of table.columnNames) {
    if (name === 'customer_id') continue;
    const column = table.columns[name];
    if (column.type === 'numeric') {
      if (!column.values.every(Number.isNaN)) result[name] = { type: 'numerical', values: column.values };
    } else if (column.values.some((v) => v !== null)) {
      result[name] = { type: 'categorical', values: [...column.values] };
    }
  }
  return result;
}
