/**
 * node-postgres Pool driver (PostgreSQL, Neon). TLS is decided here from `database.ssl`:
 * `auto` = TLS when the URL says sslmode=require/verify-* or the host is not local.
 */
import pg from 'pg';
import type { Db, QueryResult } from '../db.js';
import { sql, type SqlFragment } from '../sql.js';
import { AppError } from '../../errors/app-error.js';
import { translateDbError } from '../translate-db-error.js';
import { runInTransaction } from './run-in-transaction.js';
import { INT8_OID, NUMERIC_OID, toNumber } from './type-parsers.js';

export interface PostgresOptions {
  readonly url: string;
  readonly poolSize?: number;
  readonly ssl?: 'auto' | 'require' | 'disable';
  /** Extra work on close (test databases drop themselves). */
  readonly onClose?: () => Promise<void>;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Splits the TLS decision out of the URL (pg would otherwise apply its own sslmode rules). */
export function resolvePgConnection(
  url: string,
  ssl: 'auto' | 'require' | 'disable' = 'auto',
): { connectionString: string; ssl: boolean } {
  const u = new URL(url);
  const mode = u.searchParams.get('sslmode');
  u.searchParams.delete('sslmode');
  const host = decodeURIComponent(u.hostname);
  const useTls =
    ssl === 'require' ||
    (ssl === 'auto' &&
      (mode === 'require' ||
        mode === 'verify-ca' ||
        mode === 'verify-full' ||
        (mode !== 'disable' && !LOCAL_HOSTS.has(host) && !host.startsWith('/'))));
  return { connectionString: u.toString(), ssl: useTls };
}

type Queryable = Pick<pg.PoolClient, 'query'>;

function wrap(client: Queryable, depth: number, pool: pg.Pool | null, onClose?: () => Promise<void>): Db {
  const db: Db = {
    driver: 'postgres',
    async query<T>(fragment: SqlFragment): Promise<QueryResult<T>> {
      const { text, values } = fragment.toQuery();
      try {
        const r = await client.query(text, values as unknown[]);
        return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
      } catch (e) {
        throw translateDbError(e);
      }
    },
    async exec(script: string): Promise<void> {
      try {
        await client.query(script);
      } catch (e) {
        throw translateDbError(e);
      }
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (pool === null) return runInTransaction(wrap(client, depth + 1, null), (s) => db.exec(s), depth, fn);
      let conn: pg.PoolClient;
      try {
        conn = await pool.connect();
      } catch (e) {
        throw translateDbError(e);
      }
      let broken = false;
      try {
        const tx = wrap(conn, 1, null);
        return await runInTransaction(tx, (s) => tx.exec(s), 0, fn);
      } catch (e) {
        broken = e instanceof AppError && e.code === 'DB_UNAVAILABLE';
        throw e;
      } finally {
        conn.release(broken);
      }
    },
    async close(): Promise<void> {
      if (pool !== null) await pool.end();
      await onClose?.();
    },
  };
  return db;
}

/** Opens a connection pool and checks that the server answers. */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const { connectionString, ssl } = resolvePgConnection(options.url, options.ssl);
  const pool = new pg.Pool({
    connectionString,
    ssl: ssl ? { rejectUnauthorized: true } : false,
    max: options.poolSize ?? 10,
    types,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // Idle clients can error (server restart); without a listener the process would crash.
  pool.on('error', () => undefined);
  const db = wrap(pool, 0, pool, options.onClose);
  try {
    await db.query(sql`SELECT 1`);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return db;
}
