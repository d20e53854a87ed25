/**
 * startServer(config): resolves the signing key (refusing production without one), opens the
 * configured database (embedded PGlite by default) and applies migrations, builds the app and
 * listens on `server.host`:`server.port`.
 */
import { openDatabase, resolveJwtSecret, type Config, type Db } from '@cohortlens/platform';
import { createAppDeps, type AppDeps } from './app-deps.js';
import { buildApp } from './build-app.js';
import type { ApiApp } from './routes/route-group.js';

export interface StartServerOptions {
  /** Use this database instead of opening the configured one (it is not closed by `close`). */
  readonly db?: Db;
  /** Called after migrations, before listening (the CLI seeds the demo tenant here). */
  readonly beforeListen?: (deps: AppDeps) => Promise<void>;
  /** Where JSON logs go (default stdout). */
  readonly logStream?: NodeJS.WritableStream;
}

export interface RunningServer {
  readonly app: ApiApp;
  readonly deps: AppDeps;
  /** e.g. http://127.0.0.1:8000 */
  readonly url: string;
  close(): Promise<void>;
}

/** @throws AppError CONFIG_SECRET_REQUIRED (production without auth.jwt_secret), DB_* */
export async function startServer(config: Config, options: StartServerOptions = {}): Promise<RunningServer> {
  const jwtSecret = resolveJwtSecret(config);
  const db = options.db ?? (await openDatabase(config, { migrate: true }));
  try {
    const deps = createAppDeps(config, db, { jwtSecret });
    await options.beforeListen?.(deps);
    const app = await buildApp(deps, options.logStream === undefined ? {} : { logStream: options.logStream });
    const address = await app.listen({ host: config.server.host, port: config.server.port });
    return {
      app,
      deps,
      url: address.replace('://[::1]', '://localhost'),
      close: async () => {
        await app.close();
        if (options.db === undefined) await db.close();
      },
    };
  } catch (e) {
    if (options.db === undefined) await db.close().catch(() => undefined);
    throw e;
  }
}
