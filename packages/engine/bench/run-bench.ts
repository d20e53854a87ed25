/**
 * Engine benchmark runner: `npm run bench:engine [-- filter]`.
 *
 * Protocol (generic, so any area can add cases):
 * - A case is `cases/<name>.bench.ts`, optionally with a scikit-learn twin `cases/<name>.py`.
 * - A case declares its input with a comment line `// @bench-data customers:<rows>` (several allowed).
 *   The runner writes each file once to `bench-results/data/customers-<rows>.csv` (gitignored) with the
 *   engine's synthetic customer generator (seed 42, Customers.csv layout) and passes the paths, in
 *   order, as command-line arguments to both sides.
 * - Each side runs as its own process (`node --import tsx <file>` / `/usr/bin/python3 <file>`); the
 *   runner measures the wall time of the whole process from outside (start, load, compute).
 * - Each side prints, as its last stdout line, `{"computeSeconds":…,"peakRssMb":…,"metric":{…}}`.
 * - The runner prints a table (wall, peak memory, ratios, compute seconds, metrics side by side) and
 *   writes `bench-results/engine-bench.json`.
 * The Python side is skipped with a message when python3 or scikit-learn is missing.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CUSTOMER_CSV_HEADER, customerToCsvRow, generateCustomers } from '../src/synthetic/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
const CASES = join(HERE, 'cases');
const OUT = join(REPO, 'bench-results');
const DATA = join(OUT, 'data');
const PYTHON = '/usr/bin/python3';

interface SideResult {
  wallSeconds: number;
  computeSeconds?: number;
  peakRssMb?: number;
  metric?: Record<string, number | string>;
  error?: string;
}

async function ensureData(spec: string): Promise<string> {
  const m = /^customers:(\d+)$/.exec(spec);
  if (!m) throw new Error(`unknown @bench-data spec ${spec}`);
  const rows = Number(m[1]);
  const path = join(DATA, `customers-${rows}.csv`);
  if (existsSync(path)) return path;
  mkdirSync(DATA, { recursive: true });
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  const t0 = performance.now();
  let chunk: string[] = [CUSTOMER_CSV_HEADER];
  for (const c of generateCustomers({ rows, seed: 42 })) {
    chunk.push(customerToCsvRow(c));
    if (chunk.length >= 10_000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
  console.log(`wrote ${path} (${rows} rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return path;
}

function runSide(cmd: string, args: string[]): SideResult {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallSeconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    return {
      wallSeconds,
      error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | '),
    };
  }
  const lines = r.stdout.trim().split('\n');
  try {
    return { wallSeconds, ...(JSON.parse(lines[lines.length - 1]) as Omit<SideResult, 'wallSeconds'>) };
  } catch {
    return { wallSeconds, error: `no JSON result line: ${lines[lines.length - 1] ?? ''}` };
  }
}

function sklearnAvailable(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ['-c', 'import sklearn, pandas'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'scikit-learn or pandas is not installed for /usr/bin/python3';
}

const fmt = (v: number | undefined, digits = 2): string => (v === undefined ? '—' : v.toFixed(digits));
const ratio = (a?: number, b?: number): string =>
  a === undefined || b === undefined || b === 0 ? '—' : (a / b).toFixed(2);
const metricText = (m?: Record<string, number | string>): string =>
  m
    ? Object.entries(m)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toPrecision(8)) : v}`)
        .join(' ')
    : '';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const cases = readdirSync(CASES)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .filter((name) => !filter || name.includes(filter))
    .sort();
  if (cases.length === 0) {
    console.log(`no benchmark case matches ${filter ?? '(all)'}`);
    return;
  }
  const noPython = sklearnAvailable();
  if (noPython) console.log(`scikit-learn side skipped: ${noPython}`);
  const results: { name: string; ts: SideResult; py?: SideResult }[] = [];
  for (const name of cases) {
    const tsFile = join(CASES, `${name}.bench.ts`);
    const specs = [...readFileSync(tsFile, 'utf8').matchAll(/^\/\/ @bench-data (\S+)/gm)].map((m) => m[1]);
    const paths: string[] = [];
    for (const spec of specs) paths.push(await ensureData(spec));
    console.log(`running ${name} …`);
    const ts = runSide(process.execPath, ['--import', 'tsx', tsFile, ...paths]);
    const pyFile = join(CASES, `${name}.py`);
    const py = !noPython && existsSync(pyFile) ? runSide(PYTHON, [pyFile, ...paths]) : undefined;
    results.push({ name, ts, py });
  }

  const rows = results.map(({ name, ts, py }) => [
    name,
    fmt(ts.wallSeconds),
    fmt(py?.wallSeconds),
    ratio(ts.wallSeconds, py?.wallSeconds),
    fmt(ts.peakRssMb, 0),
    fmt(py?.peakRssMb, 0),
    ratio(ts.peakRssMb, py?.peakRssMb),
    fmt(ts.computeSeconds),
    fmt(py?.computeSeconds),
  ]);
  const head = [
    'case',
    'TS wall s',
    'sklearn wall s',
    'ratio',
    'TS peak MB',
    'sklearn peak MB',
    'ratio',
    'TS compute s',
    'sklearn compute s',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('\n' + line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('\nquality metrics');
  for (const { name, ts, py } of results) {
    console.log(`  ${name}`);
    console.log(`    TS      ${ts.error ? `ERROR ${ts.error}` : metricText(ts.metric)}`);
    if (py) console.log(`    sklearn ${py.error ? `ERROR ${py.error}` : metricText(py.metric)}`);
    else console.log('    sklearn (no twin or skipped)');
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, 'engine-bench.json'),
    JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
  );
}

await main();
