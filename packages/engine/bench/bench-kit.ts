/**
 * Helpers for the TypeScript side of a benchmark case: a fast split-based loader for the benchmark
 * CSV, standard scaling, and the one JSON line every case prints. Bench code may do I/O; the engine
 * itself may not.
 */
import { closeSync, openSync, readSync } from 'node:fs';
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
 * them are skipped. Reads the file in 4 MB chunks and parses bytes directly, so memory stays at the
 * columns themselves. Quoted fields are honoured only for skipping commas inside them.
 */
export function loadNumericColumns(path: string, columns: readonly string[]): Float64Array[] {
  const fd = openSync(path, 'r');
  try {
    const CHUNK = 4 << 20;
    let buf = Buffer.allocUnsafe(CHUNK);
    let len = 0;
    let eof = false;
    const fill = (): void => {
      if (eof) return;
      if (len === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const got = readSync(fd, buf, len, buf.length - len, null);
      if (got === 0) eof = true;
      len += got;
    };
    fill();
    let nl = buf.indexOf(10);
    while (nl < 0 && !eof) {
      fill();
      nl = buf.indexOf(10);
    }
    const header = buf
      .toString('utf8', 0, nl < 0 ? len : nl)
      .replace(/\r$/, '')
      .split(',');
    const idx = columns.map((c) => {
      const i = header.indexOf(c);
      if (i < 0) throw new Error(`column ${c} not in ${path}`);
      return i;
    });
    const want = new Int32Array(Math.max(...idx) + 1).fill(-1);
    idx.forEach((field, c) => (want[field] = c));
    const chunks: Float64Array[][] = columns.map(() => []);
    const ROWS = 1 << 16;
    let cur = columns.map(() => new Float64Array(ROWS));
    let filled = 0;
    const values = new Float64Array(columns.length);
    let pos = nl + 1;
    for (;;) {
      let end = buf.indexOf(10, pos);
      if (end < 0 || end >= len) {
        if (eof) {
          if (pos >= len) break;
          end = len;
        } else {
          buf.copy(buf, 0, pos, len);
          len -= pos;
          pos = 0;
          fill();
          continue;
        }
      }
      let field = 0;
      let ok = true;
      let start = pos;
      let quoted = false;
      for (let p = pos; p <= end && field < want.length; p++) {
        const ch = p === end ? 44 : buf[p];
        if (ch === 34) quoted = !quoted;
        if (ch !== 44 || quoted) continue;
        const c = want[field];
        if (c >= 0) {
          const v = parseNumber(buf, start, p);
          if (!Number.isFinite(v)) {
            ok = false;
            break;
          }
          values[c] = v;
        }
        field++;
        start = p + 1;
      }
      pos = end + 1;
      if (!ok || field < want.length) continue;
      for (let c = 0; c < values.length; c++) cur[c][filled] = values[c];
      if (++filled === ROWS) {
        cur.forEach((a, c) => chunks[c].push(a));
        cur = columns.map(() => new Float64Array(ROWS));
        filled = 0;
      }
    }
    return columns.map((_, c) => {
      const parts = [...chunks[c], cur[c].subarray(0, filled)];
      const out = new Float64Array(parts.reduce((s, a) => s + a.length, 0));
      let off = 0;
      for (const a of parts) {
        out.set(a, off);
        off += a.length;
      }
      return out;
    });
  } finally {
    closeSync(fd);
  }
}

/** Decimal number in buf[start, end) (trailing \r ignored); NaN when blank or not a number. */
function parseNumber(buf: Buffer, start: number, end: number): number {
  if (end > start && buf[end - 1] === 13) end--;
  if (end <= start) return NaN;
  let p = start;
  let sign = 1;
  if (buf[p] === 45) {
    sign = -1;
    p++;
  }
  let v = 0;
  let digits = 0;
  for (; p < end; p++) {
    const ch = buf[p] - 48;
    if (ch < 0 || ch > 9) break;
    v = v * 10 + ch;
    digits++;
  }
  if (p === end && digits > 0) return sign * v;
  // decimals, exponents, anything unusual: let the engine's parser decide
  const text = buf.toString('latin1', start, end).trim();
  return text === '' ? NaN : Number(text);
}

/**
 * Columns → z-scored row-major matrix (population std, as scikit-learn StandardScaler), in a
 * SharedArrayBuffer so worker threads read it without a copy.
 */
export function standardScale(columns: readonly Float64Array[]): Matrix {
  const d = columns.length;
  const n = columns[0].length;
  const data = new Float64Array(new SharedArrayBuffer(n * d * 8));
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
