/**
 * The deps object every command receives, built once per process in run-cli.ts. The database is
 * opened on first use only, so file-mode commands (demo-data, --help) never touch it.
 */
import {
  LOG_LEVELS,
  loadConfig,
  openDatabase,
  type Config,
  type Db,
  type OpenDatabaseOptions,
} from '@cohortlens/platform';

/** Minimal structured logger; CLI diagnostics go to stderr so stdout stays the command's output. */
export interface CliLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface CliDeps {
  config: Config;
  /**
   * Opens (first call; its options win) and returns the configured database, migrated when
   * `database.migrate_on_start` unless `{ migrate: false }`.
   */
  db(options?: OpenDatabaseOptions): Promise<Db>;
  clock: () => number;
  logger: CliLogger;
  /** Closes the database if it was opened. */
  close(): Promise<void>;
}

export interface BuildCliDepsOptions {
  /** `--config FILE`: passed to loadConfig, so a missing file is an error. */
  configPath?: string;
  stderr: NodeJS.WritableStream;
}

/** Loads the configuration and prepares the lazy database. @throws AppError CONFIG_NOT_FOUND / CONFIG_INVALID */
export function buildCliDeps(options: BuildCliDepsOptions): CliDeps {
  const config = loadConfig(options.configPath === undefined ? {} : { configPath: options.configPath });
  let opening: Promise<Db> | undefined;
  const levels: readonly string[] = LOG_LEVELS;
  const enabled = (level: string): boolean => levels.indexOf(level) >= levels.indexOf(config.logging.level);
  const log =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (!enabled(level)) return;
      options.stderr.write(
        config.logging.format === 'json'
          ? `${JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields })}\n`
          : `${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`,
      );
    };
  return {
    config,
    db: (dbOptions) => (opening ??= openDatabase(config, dbOptions)),
    clock: () => performance.now(),
    logger: { info: log('info'), warn: log('warn') },
    close: async () => {
      if (opening !== undefined) await (await opening.catch(() => undefined))?.close();
    },
  };
}
