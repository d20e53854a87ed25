import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { loadConfig, testDatabaseUrl } from '../config/index.js';
import { migrate, openPglite, openPostgres, sql, type Db } from '../db/index.js';
import { importCustomers } from './import-customers.js';
import { writeDemoCustomers } from './write-demo-customers.js';

const dir = mkdtempSync(join(tmpdir(), 'cohortlens-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CHILD = join(import.meta.dirname, 'import-kill-child.ts');

/** Starts the child import and SIGKILLs it once it has staged `afterRows` rows. */
function importAndKill(args: string[], afterRows: number): Promise<{ killedAt: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let killedAt = -1;
    let finished = false;
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('done')) finished = true;
      const m = [...out.matchAll(/progress (\d+)/g)].at(-1);
      if (killedAt < 0 && m && Number(m[1]) >= afterRows) {
        killedAt = Number(m[1]);
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () =>
      killedAt < 0 && !finished
        ? reject(new Error(`child exited early: ${err}`))
        : resolve({ killedAt, finished }),
    );
  });
}

const SEED_CSV = 'CustomerID,Age\n' + Array.from({ length: 100 }, (_, i) => `seed-${i},30`).join('\n');

/** Migrates, creates a tenant with 100 customers, closes; returns the tenant id. */
async function prepare(db: Db): Promise<string> {
  await migrate(db);
  const { rows } = await db.query<{ id: string }>(
    sql`INSERT INTO tenants (slug, name, plan) VALUES ('kill', 'Kill', 'enterprise') RETURNING id`,
  );
  const tenantId = rows[0].id;
  await importCustomers(
    { db, config: loadConfig({ env: {} }) },
    { tenantId, source: Readable.from([Buffer.from(SEED_CSV)]) },
  );
  await db.close();
  return tenantId;
}

async function countAll(db: Db): Promise<number> {
  const n = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM customers`);
  await db.close();
  return n.rows[0].n;
}

describe('importCustomers, killed mid-import', () => {
  const big = join(dir, 'big.csv');
  beforeAll(async () => {
    await writeDemoCustomers({ rows: 20_000, seed: 3, out: big });
  });

  it('leaves a persisted PGlite database exactly as it was', async () => {
    const dataDir = join(dir, 'pgdata');
    const tenantId = await prepare(await openPglite(dataDir));
    const { killedAt, finished } = await importAndKill([dataDir, tenantId, big], 5000);
    expect(finished).toBe(false);
    expect(killedAt).toBeGreaterThanOrEqual(5000);
    expect(await countAll(await openPglite(dataDir))).toBe(100);
  });

  const adminUrl = testDatabaseUrl();
  it.skipIf(adminUrl === undefined)(
    'leaves a PostgreSQL database exactly as it was (TEST_DATABASE_URL)',
    async () => {
      const name = `cl_kill_${randomBytes(6).toString('hex')}`;
      const admin = async (statement: string): Promise<void> => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        try {
          await c.query(statement);
        } finally {
          await c.end();
        }
      };
      // The name is hex generated above, safe in the statement text.
      await admin(`CREATE DATABASE ${name}`);
      try {
        const url = new URL(adminUrl!);
        url.pathname = `/${name}`;
        const open = () => openPostgres({ url: url.toString(), poolSize: 2, ssl: 'disable' });
        const tenantId = await prepare(await open());
        const { finished } = await importAndKill([url.toString(), tenantId, big], 5000);
        expect(finished).toBe(false);
        expect(await countAll(await open())).toBe(100);
      } finally {
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  );
});
