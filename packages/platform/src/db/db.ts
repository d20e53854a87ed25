/**
 * The executor every repository function takes first. Implemented by the PGlite and the
 * node-postgres drivers; both return the same JS types (see `drivers/type-parsers.ts`).
 */
import type { SqlFragment } from './sql.js';

export interface QueryResult<T> {
  readonly rows: T[];
  /** Rows returned or affected by the statement. */
  readonly rowCount: number;
}

export type DbDriver = 'pglite' | 'postgres';

export interface Db {
  readonly driver: DbDriver;
  /** Runs one parameterised statement. Postgres errors are rethrown as AppError (DB_*). */
  query<T = Record<string, unknown>>(query: SqlFragment): Promise<QueryResult<T>>;
  /** Runs a trusted multi-statement script without parameters (migrations only). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in a transaction (a savepoint when already inside one): committed when `fn`
   * resolves, rolled back when it throws. Use the `tx` executor inside, not the outer one.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Releases the connection(s); for test databases also drops the database. */
  close(): Promise<void>;
}
