/**
 * Test harness: a fresh, migrated database per call. In-memory PGlite by default; when
 * TEST_DATABASE_URL is set (an admin URL, e.g. postgres://postgres@127.0.0.1:5432/test), a new
 * database cl_test_<random> is created on that server, migrated, and dropped by `close()`, so test
 * files can run in parallel.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { testDatabaseUrl } from '../../config/test-database-url.js';
import type { Db } from '../db.js';
import { startPglite } from '../drivers/pglite-driver.js';
import { openPostgres } from '../drivers/postgres-driver.js';
import { migrate, readMigrations } from '../migrate.js';

export interface CreateTestDbOptions {
  /** Admin URL of a PostgreSQL server; defaults to TEST_DATABASE_URL; unset = PGlite. */
  readonly url?: string;
  /** Skip migrations (to test `migrate` itself). */
  readonly migrate?: boolean;
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * PGlite's initdb costs seconds per instance; a migrated data directory is dumped once to the OS
 * temp dir (keyed by PGlite build, migration checksums and month, since partitions are monthly)
 * and later instances start from it. Written via rename, so parallel workers never read a
 * partial file.
 */
async function pgliteFromTemplate(migrated: boolean): Promise<Db> {
  const pgliteEntry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const key = createHash('sha256')
    .update(`${pgliteEntry}:${statSync(pgliteEntry).mtimeMs}`)
    .update(
      migrated
        ? readMigrations()
            .map((m) => m.checksum)
            .join(',') + new Date().toISOString().slice(0, 7)
        : 'empty',
    )
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `cohortlens-pglite-${key}.tgz`);
  if (existsSync(file)) {
    return (await startPglite({ loadDataDir: new Blob([readFileSync(file)]) })).db;
  }
  const { pg: instance, db } = await startPglite();
  if (migrated) await migrate(db);
  const dump = await instance.dumpDataDir('gzip');
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return db;
}

/** Creates a fresh database (see file header). Always `await db.close()` (afterAll). */
export async function createTestDb(options: CreateTestDbOptions = {}): Promise<Db> {
  const adminUrl = options.url ?? testDatabaseUrl();
  let db: Db;
  if (adminUrl === undefined) {
    db = await pgliteFromTemplate(options.migrate ?? true);
  } else {
    const name = `cl_test_${randomBytes(6).toString('hex')}`;
    // The name is generated above from hex digits only, so it is safe in the statement text.
    await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = await openPostgres({
      url: url.toString(),
      poolSize: 4,
      ssl: 'auto',
      onClose: () =>
        admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    });
  }
  if (options.migrate ?? true) await migrate(db);
  return db;
}
