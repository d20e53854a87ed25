/**
 * Helpers for the TypeScript side of a benchmark case: a fast split-based loader for the benchmark
 * CSV, standard scaling, and the one JSON line every case prints. Bench code may do I/O; the engine
 * itself may not.
 */
import { readFileSync } from 'node:fs';
import type { Matrix } from '../src/core/matrix.js';

/** What each side of a case prints as its last stdout line. */
export interface BenchReport {
  computeSeconds: number;
  peakRssMb: number;
  metric: Record<string, number | string>;
}

/** The CSV paths the runner passes on the command line, keyed by data spec (`customers:1000000`). */
export function benchDataPaths(): string[] {
  return process.argv.slice(2);
}

/**
 * Numeric columns of a clean-ish CSV by header name; rows with a blank or non-numeric value in any of
 * them are skipped. No quoting support beyond fields without commas (the benchmark files have none
 * in numeric columns, and quoted text fields are skipped by counting only up to the last needed column).
 */
export function loadNumericColumns(path: string, columns: readonly string[]): Float64Array[] {
  const text = readFileSync(path, 'utf8');
  let pos = text.indexOf('\n');
  const header = text.slice(0, pos).replace(/\r$/, '').split(',');
  const idx = columns.map((c) => {
    const i = header.indexOf(c);
    if (i < 0) throw new Error(`column ${c} not in ${path}`);
    return i;
  });
  const maxIdx = Math.max(...idx);
  const out = columns.map(() => new Float64Array(1 << 16));
  let n = 0;
  const fields: string[] = new Array(maxIdx + 1);
  const values = new Float64Array(columns.length);
  pos++;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    let start = pos;
    let f = 0;
    while (f <= maxIdx) {
      let comma = text.indexOf(',', start);
      if (comma < 0 || comma > end) comma = end;
      fields[f++] = text.slice(start, comma);
      if (comma >= end) break;
      start = comma + 1;
    }
    pos = end + 1;
    if (f <= maxIdx) continue;
    let ok = true;
    for (let c = 0; c < idx.length; c++) {
      const s = fields[idx[c]];
      const v = s === '' || s === '\r' ? NaN : Number(s);
      if (!Number.isFinite(v)) {
        ok = false;
        break;
      }
      values[c] = v;
    }
    if (!ok) continue;
    if (n === out[0].length) {
      for (let c = 0; c < out.length; c++) {
        const bigger = new Float64Array(n * 2);
        bigger.set(out[c]);
        out[c] = bigger;
      }
    }
    for (let c = 0; c < idx.length; c++) out[c][n] = values[c];
    n++;
  }
  return out.map((col) => col.slice(0, n));
}

/** Columns → z-scored row-major matrix (population std, as scikit-learn StandardScaler). */
export function standardScale(columns: readonly Float64Array[]): Matrix {
  const d = columns.length;
  const n = columns[0].length;
  const data = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const col = columns[j];
    let mean = 0;
    for (let i = 0; i < n; i++) mean += col[i];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (col[i] - mean) ** 2;
    const std = Math.sqrt(v / n) || 1;
    for (let i = 0; i < n; i++) data[i * d + j] = (col[i] - mean) / std;
  }
  return { data, rows: n, cols: d };
}

/** Prints the case's result line (peak RSS of this process, in MB). */
export function printReport(computeSeconds: number, metric: BenchReport['metric']): void {
  const report: BenchReport = {
    computeSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    metric,
  };
  console.log(JSON.stringify(report));
}

/** The three segmentation features of the original, as named in Customers.csv. */
export const SEGMENT_FEATURES = ['Age', 'Annual Income ($)', 'Spending Score (1-100)'] as const;
