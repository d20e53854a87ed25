/**
 * npm run bench:import [-- --rows N] [--pg URL]
 *
 * Generates N (default 1,000,000) synthetic customers with demo-data into bench-results/data
 * (gitignored; reused when present), then imports them into a fresh embedded PGlite data directory
 * and — when DATABASE_URL or --pg URL is given — into a fresh database on that PostgreSQL server.
 * Each import runs in its own child process so its peak RSS is its own; prints rows/s and peak RSS.
 * Figures depend on the machine; on a shared machine run it once or twice and say so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import {
  createTenant,
  importCustomers,
  loadConfig,
  openDatabase,
  writeDemoCustomers,
} from '@cohortlens/platform';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = join(ROOT, 'bench-results');

interface PhaseResult {
  target: string;
  rows: number;
  inserted: number;
  rejected: number;
  durationMs: number;
  rowsPerSecond: number;
  peakRssMb: number;
  reimportMs: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Child: one import (and a re-import) into the given target; prints one JSON line. */
async function runPhase(target: 'pglite' | 'postgres', file: string, where: string): Promise<void> {
  const base = loadConfig({ env: {} });
  const config = {
    ...base,
    database: { ...base.database, url: target === 'postgres' ? where : null, dataDir: where },
  };
  const db = await openDatabase(config, { migrate: true });
  const tenantId = (await createTenant(db, { slug: 'bench', name: 'Bench', plan: 'enterprise' })).id;
  const deps = { db, config: { ...config, import: { batchSize: Number(arg('--batch') ?? 5000) } } };
  const first = await importCustomers(deps, { tenantId, source: file });
  const again = await importCustomers(deps, { tenantId, source: file });
  await db.close();
  const total = first.inserted + first.updated + first.unchanged + first.rejected;
  const result: PhaseResult = {
    target,
    rows: total,
    inserted: first.inserted,
    rejected: first.rejected,
    durationMs: first.durationMs,
    rowsPerSecond: Math.round(total / (first.durationMs / 1000)),
    // maxRSS is in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    reimportMs: again.durationMs,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function child(args: string[]): PhaseResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`import phase failed (${args.join(' ')})`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PhaseResult;
}

async function main(): Promise<void> {
  const phase = arg('--phase');
  if (phase !== undefined) return runPhase(phase as 'pglite' | 'postgres', arg('--file')!, arg('--where')!);

  const rows = Number(arg('--rows') ?? 1_000_000);
  const file = join(OUT, 'data', `customers-${rows}.csv`);
  if (!existsSync(file)) {
    const g = await writeDemoCustomers({ rows, seed: 42, out: file });
    console.log(`generated ${rows.toLocaleString('en-US')} rows in ${(g.durationMs / 1000).toFixed(1)} s`);
  }
  console.log(`file: ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB)`);
  const results: PhaseResult[] = [];

  const dataDir = join(OUT, `pglite-${Date.now()}`);
  try {
    results.push(child(['--phase', 'pglite', '--file', file, '--where', dataDir]));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const adminUrl = arg('--pg') ?? process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `cohortlens_bench_${Date.now()}`;
    const admin = async (q: string): Promise<void> => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(q);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      results.push(child(['--phase', 'postgres', '--file', file, '--where', url.toString()]));
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }

  console.log('\ntarget    rows       inserted   rejected  import s  rows/s    re-import s  peak RSS MB');
  for (const r of results) {
    console.log(
      `${r.target.padEnd(9)} ${String(r.rows).padEnd(10)} ${String(r.inserted).padEnd(10)} ${String(r.rejected).padEnd(9)} ` +
        `${(r.durationMs / 1000).toFixed(1).padEnd(9)} ${String(r.rowsPerSecond).padEnd(9)} ` +
        `${(r.reimportMs / 1000).toFixed(1).padEnd(12)} ${r.peakRssMb}`,
    );
  }
}

await main();
