/**
 * Opens the database the configuration points at: node-postgres when `database.url` is set,
 * otherwise embedded PGlite in `database.dataDir` (in memory for `memory://`). Applies pending
 * migrations when `database.migrateOnStart` is true.
 */
import type { Config } from '../config/config-types.js';
import { IN_MEMORY_DATA_DIR } from '../config/load-config.js';
import type { Db } from './db.js';
import { openPglite } from './drivers/pglite-driver.js';
import { openPostgres } from './drivers/postgres-driver.js';
import { migrate } from './migrate.js';

export interface OpenDatabaseOptions {
  /** Overrides `database.migrateOnStart`. */
  readonly migrate?: boolean;
}

/** Opens (and by default migrates) the configured database. Close it with `db.close()`. */
export async function openDatabase(
  config: Pick<Config, 'database'>,
  options: OpenDatabaseOptions = {},
): Promise<Db> {
  const { url, dataDir, poolSize, ssl, migrateOnStart } = config.database;
  const db =
    url !== null
      ? await openPostgres({ url, poolSize, ssl })
      : await openPglite(dataDir === IN_MEMORY_DATA_DIR ? undefined : dataDir);
  if (options.migrate ?? migrateOnStart) {
    try {
      await migrate(db);
    } catch (e) {
      await db.close().catch(() => undefined);
      throw e;
    }
  }
  return db;
}
