/**
 * Applies the hand-written SQL migrations in packages/platform/migrations (NNNN_name.sql) in
 * order, each recorded in schema_migrations with a sha256 checksum. Everything runs in ONE
 * transaction holding a transaction-level advisory lock, so concurrent starters apply each
 * migration once (the second waits, then finds nothing to do); a failure leaves no trace.
 * Ends with ensure_partitions(monthsAhead).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import type { Db } from './db.js';
import { sql } from './sql.js';

/** Directory of the committed migrations. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** Advisory lock key shared by every CohortLens process ("clmg" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x636c6d67;
/** Monthly partitions kept ahead of the current month. */
export const DEFAULT_MONTHS_AHEAD = 3;

export interface Migration {
  readonly version: string;
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

export interface MigrateOptions {
  readonly migrationsDir?: string;
  readonly monthsAhead?: number;
}

export interface MigrateResult {
  /** Versions applied by this call (empty when already up to date). */
  readonly applied: readonly string[];
  /** Partitions created by ensure_partitions during this call. */
  readonly partitionsCreated: number;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads and checksums the migration files, in version order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort()
    .map((f) => {
      const [, version, name] = FILE.exec(f) as RegExpExecArray;
      const text = readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n');
      return { version, name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

const lock = (tx: Db) => tx.query(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY}::bigint)`);

async function createPartitions(tx: Db, monthsAhead: number): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(sql`SELECT ensure_partitions(${monthsAhead}::integer) AS n`);
  return rows[0].n;
}

/**
 * Brings the schema up to date. Idempotent; safe to call from several processes at once.
 * @throws AppError MIGRATION_CHECKSUM_MISMATCH when an applied migration file was edited.
 */
export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = readMigrations(options.migrationsDir);
  return db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: string; checksum: string }>(
      sql`SELECT version, checksum FROM schema_migrations`,
    );
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const checksum = done.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new AppError(
            'MIGRATION_CHECKSUM_MISMATCH',
            'internal',
            `Migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead.`,
            { details: { version: m.version } },
          );
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query(
        sql`INSERT INTO schema_migrations (version, name, checksum) VALUES (${m.version}, ${m.name}, ${m.checksum})`,
      );
      applied.push(m.version);
    }
    const partitionsCreated = await createPartitions(tx, options.monthsAhead ?? DEFAULT_MONTHS_AHEAD);
    return { applied, partitionsCreated };
  });
}

/** Creates monthly partitions ahead (for a periodic job); returns how many were created. */
export async function ensurePartitions(db: Db, monthsAhead: number = DEFAULT_MONTHS_AHEAD): Promise<number> {
  return db.transaction(async (tx) => {
    await lock(tx);
    return createPartitions(tx, monthsAhead);
  });
}
