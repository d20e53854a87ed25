// Public API of the platform's db area.
export type { Db, DbDriver, QueryResult } from './db.js';
export { sql, SqlFragment } from './sql.js';
export type { SqlQuery } from './sql.js';
export { openDatabase } from './open-database.js';
export type { OpenDatabaseOptions } from './open-database.js';
export { openPglite } from './drivers/pglite-driver.js';
export { openPostgres, resolvePgConnection } from './drivers/postgres-driver.js';
export type { PostgresOptions } from './drivers/postgres-driver.js';
export {
  migrate,
  ensurePartitions,
  readMigrations,
  MIGRATIONS_DIR,
  DEFAULT_MONTHS_AHEAD,
} from './migrate.js';
export type { Migration, MigrateOptions, MigrateResult } from './migrate.js';
export { translateDbError } from './translate-db-error.js';
export * from './repositories/index.js';
