/**
 * Embedded PostgreSQL (PGlite, WASM) persisted in a data directory, or in memory.
 * One connection per instance: PGlite queues statements and `transaction` holds its mutex, so
 * concurrent callers on the same instance are serialised (this is what makes two concurrent
 * `migrate` calls on one instance safe). A persisted data directory is locked against other
 * processes (`data-dir-lock.ts`).
 */
import { mkdirSync } from 'node:fs';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult } from '../db.js';
import type { SqlFragment } from '../sql.js';
import { translateDbError } from '../translate-db-error.js';
import { lockDataDir } from './data-dir-lock.js';
import { runInTransaction } from './run-in-transaction.js';
import { INT8_OID, NUMERIC_OID, toNumber } from './type-parsers.js';

type Executor = Pick<Transaction, 'query' | 'exec'>;

function wrap(pg: PGlite | null, ex: Executor, depth: number, release?: () => void): Db {
  const db: Db = {
    driver: 'pglite',
    async query<T>(fragment: SqlFragment): Promise<QueryResult<T>> {
      const { text, values } = fragment.toQuery();
      try {
        const r = await ex.query<T>(text, values as unknown[]);
        return {
          rows: r.rows,
          rowCount: r.rowCount ?? (r.fields.length > 0 ? r.rows.length : (r.affectedRows ?? 0)),
        };
      } catch (e) {
        throw translateDbError(e);
      }
    },
    async exec(script: string): Promise<void> {
      try {
        await ex.exec(script);
      } catch (e) {
        throw translateDbError(e);
      }
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (pg !== null) {
        // Errors thrown by `fn` pass through untouched; only PGlite's own (BEGIN/COMMIT) are translated.
        const thrown = new Set<unknown>();
        try {
          return await pg.transaction((ptx) =>
            fn(wrap(null, ptx, 1)).catch((e: unknown) => {
              thrown.add(e);
              throw e;
            }),
          );
        } catch (e) {
          throw thrown.has(e) ? e : translateDbError(e);
        }
      }
      const inner = wrap(null, ex, depth + 1);
      return runInTransaction(inner, (s) => db.exec(s), depth, fn);
    },
    async close(): Promise<void> {
      if (pg !== null && !pg.closed) await pg.close();
      release?.();
    },
  };
  return db;
}

export interface OpenPgliteOptions {
  /** Persist here (created if missing); in memory when undefined. */
  readonly dataDir?: string;
  /** Start from a data directory dump (`dumpDataDir`) instead of running initdb (fast test setup). */
  readonly loadDataDir?: Blob;
}

/** A started PGlite instance with the shared type parsers, and its `Db` executor. */
export async function startPglite(options: OpenPgliteOptions = {}): Promise<{ pg: PGlite; db: Db }> {
  let release: (() => void) | undefined;
  if (options.dataDir !== undefined) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
  }
  // Loaded on first use: commands that run on PostgreSQL, or on no database at all, never pay for the WASM module.
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite({
    parsers: { [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber },
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
  });
  try {
    await pg.waitReady;
  } catch (e) {
    release?.();
    throw translateDbError(e);
  }
  return { pg, db: wrap(pg, pg, 0, release) };
}

/** Opens PGlite in `dataDir` (created if missing), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  return (await startPglite(dataDir === undefined ? {} : { dataDir })).db;
}
