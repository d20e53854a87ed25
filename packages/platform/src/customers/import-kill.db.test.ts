import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, it, expect } from 'vitest';
import { loadConfig } from '../config/index.js';
import { migrate, openPglite, sql } from '../db/index.js';
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

describe('importCustomers, killed mid-import', () => {
  it('leaves a persisted PGlite database exactly as it was', async () => {
    const dataDir = join(dir, 'pgdata');
    const big = join(dir, 'big.csv');
    await writeDemoCustomers({ rows: 20_000, seed: 3, out: big });

    const db = await openPglite(dataDir);
    await migrate(db);
    const { rows } = await db.query<{ id: string }>(
      sql`INSERT INTO tenants (slug, name, plan) VALUES ('kill', 'Kill', 'enterprise') RETURNING id`,
    );
    const tenantId = rows[0].id;
    const seed = 'CustomerID,Age\n' + Array.from({ length: 100 }, (_, i) => `seed-${i},30`).join('\n');
    await importCustomers(
      { db, config: loadConfig({ env: {} }) },
      { tenantId, source: Readable.from([Buffer.from(seed)]) },
    );
    await db.close();

    const { killedAt, finished } = await importAndKill([dataDir, tenantId, big], 5000);
    expect(finished).toBe(false);
    expect(killedAt).toBeGreaterThanOrEqual(5000);

    const reopened = await openPglite(dataDir);
    const n = await reopened.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM customers`);
    await reopened.close();
    expect(n.rows[0].n).toBe(100);
  });
});
