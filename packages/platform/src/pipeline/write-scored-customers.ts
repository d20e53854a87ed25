/**
 * The per-customer result of the main job, for analysts and downstream tools: every customer with
 * their segment and label, predicted spending with its interval, and savings percent, written as
 * CSV into `data.processed_path` (scored-customers.csv).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { computeSavingsMetrics, csvField, type Table } from '@cohortlens/engine';
import type { CustomerAnalysis } from './analyze-customers.js';

export const SCORED_CUSTOMERS_FILE = 'scored-customers.csv';
const HEADER =
  'customer_id,segment,segment_label,predicted_spending,prediction_lower,prediction_upper,savings_percent';

export async function writeScoredCustomers(
  dir: string,
  table: Table,
  customerIds: readonly string[],
  analysis: CustomerAnalysis,
): Promise<string> {
  const { segmentation, model } = analysis;
  const segmentOf = new Int32Array(table.nRows);
  const segmented = new Uint8Array(table.nRows);
  segmentation.rowIndices.forEach((row, r) => {
    segmentOf[row] = segmentation.labels[r];
    segmented[row] = 1;
  });
  const labelOf = new Map(segmentation.profiles.map((p) => [p.segment, p.label]));
  const predictions = model.predict(table);
  const numeric = (name: string) => {
    const c = table.columns[name];
    return c?.type === 'numeric' ? c.values : new Float64Array(table.nRows).fill(NaN);
  };
  const { savingsPercent } = computeSavingsMetrics({
    annualIncome: numeric('annual_income'),
    workExperience: numeric('work_experience'),
    familySize: numeric('family_size'),
  });

  await mkdir(dir, { recursive: true });
  const file = path.join(path.resolve(dir), SCORED_CUSTOMERS_FILE);
  const out = createWriteStream(file, 'utf8');
  const round = (v: number, digits: number) => (Number.isFinite(v) ? String(Number(v.toFixed(digits))) : '');
  out.write(`${HEADER}\n`);
  for (let i = 0; i < table.nRows; i++) {
    const p = predictions[i];
    const line = [
      csvField(customerIds[i]),
      segmented[i] ? String(segmentOf[i]) : '',
      segmented[i] ? csvField(labelOf.get(segmentOf[i]) ?? '') : '',
      round(p.prediction, 1),
      round(p.lower, 1),
      round(p.upper, 1),
      round(savingsPercent[i], 1),
    ].join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}
