import { cpSync, mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../config/test-database-url.js';
import { openPostgres } from './drivers/postgres-driver.js';
import type { Db } from './db.js';
import { MIGRATIONS_DIR, ensurePartitions, migrate, readMigrations } from './migrate.js';
import { sql } from './sql.js';
import { createTestDb } from './testing/create-test-db.js';

const open: Db[] = [];
const fresh = async (): Promise<Db> => {
  const db = await createTestDb({ migrate: false });
  open.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const appliedVersions = async (db: Db) =>
  (await db.query<{ version: string }>(sql`SELECT version FROM schema_migrations ORDER BY version`)).rows.map(
    (r) => r.version,
  );

describe('migrate', () => {
  it('applies every migration once; a second run is a no-op', async () => {
    const db = await fresh();
    const all = readMigrations().map((m) => m.version);
    const first = await migrate(db);
    expect(first.applied).toEqual(all);
    expect(first.partitionsCreated).toBe(2 * 4); // two tables, current month + 3 ahead
    const second = await migrate(db);
    expect(second).toEqual({ applied: [], partitionsCreated: 0 });
    expect(await appliedVersions(db)).toEqual(all);
  });

  it('two concurrent migrate calls apply each migration exactly once', async () => {
    const db = await fresh();
    const [a, b] = await Promise.all([migrate(db), migrate(db)]);
    const all = readMigrations().map((m) => m.version);
    expect([...a.applied, ...b.applied].sort()).toEqual(all);
    expect(await appliedVersions(db)).toEqual(all);
  });

  it('refuses an applied migration whose file changed', async () => {
    const db = await fresh();
    await migrate(db);
    const dir = mkdtempSync(join(tmpdir(), 'cl-migr-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    appendFileSync(join(dir, '0001_init.sql'), '\n-- edited\n');
    await expect(migrate(db, { migrationsDir: dir })).rejects.toMatchObject({
      code: 'MIGRATION_CHECKSUM_MISMATCH',
    });
  });

  it('routes rows to monthly partitions and moves DEFAULT rows when their month is created', async () => {
    const db = await fresh();
    await migrate(db, { monthsAhead: 1 });
    const { rows: t } = await db.query<{ id: string }>(
      sql`INSERT INTO tenants (slug, name, plan) VALUES ('p', 'P', 'basic') RETURNING id`,
    );
    const insert = (monthsFromNow: number) =>
      db.query(sql`INSERT INTO predictions (tenant_id, model_version, predicted, created_at)
        VALUES (${t[0].id}, 1, 50, now() + make_interval(months => ${monthsFromNow}::integer))`);
    await insert(0);
    await insert(5);
    const where = async () =>
      (
        await db.query<{ part: string }>(
          sql`SELECT tableoid::regclass::text AS part FROM predictions ORDER BY created_at`,
        )
      ).rows.map((r) => r.part);
    const [now, later] = await where();
    expect(now).toMatch(/^predictions_y\d{4}m\d{2}$/);
    expect(later).toBe('predictions_default');
    expect(await ensurePartitions(db, 6)).toBeGreaterThan(0);
    const [, moved] = await where();
    expect(moved).toMatch(/^predictions_y\d{4}m\d{2}$/);
    expect((await db.query(sql`SELECT 1 FROM predictions_default`)).rowCount).toBe(0);
  });

  // Two processes = two independent pools on one database. PGlite cannot open one data directory
  // from two instances, so on PGlite the same-instance test above is the relevant one.
  const serverUrl = testDatabaseUrl();
  it.skipIf(serverUrl === undefined)(
    'two pools on the same PostgreSQL database migrate concurrently and apply each migration once',
    async () => {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      const name = `cl_test_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl as string);
      url.pathname = `/${name}`;
      const [a, b] = await Promise.all([
        openPostgres({ url: url.toString() }),
        openPostgres({ url: url.toString() }),
      ]);
      try {
        const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
        const all = readMigrations().map((m) => m.version);
        expect([...ra.applied, ...rb.applied].sort()).toEqual(all);
        expect(await appliedVersions(a)).toEqual(all);
      } finally {
        await Promise.all([a.close(), b.close()]);
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
