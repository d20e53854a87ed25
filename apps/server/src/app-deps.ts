/**
 * The deps object buildApp receives: the identity deps (db, config, clock, signing key, login
 * throttle) with the full configuration. Built once by startServer, or by a test around
 * createTestDb().
 */
import {
  createLoginThrottle,
  resolveJwtSecret,
  type Config,
  type Db,
  type IdentityDeps,
  type LoginThrottle,
} from '@cohortlens/platform';

export interface AppDeps extends IdentityDeps {
  readonly config: Config;
}

export interface CreateAppDepsOptions {
  /** Wall clock in epoch milliseconds (tests move it). Default Date.now. */
  readonly clock?: () => number;
  /** Signing key; default resolveJwtSecret(config) (throws CONFIG_SECRET_REQUIRED in production). */
  readonly jwtSecret?: Uint8Array;
  readonly loginThrottle?: LoginThrottle;
}

export function createAppDeps(config: Config, db: Db, options: CreateAppDepsOptions = {}): AppDeps {
  return {
    config,
    db,
    clock: options.clock ?? Date.now,
    jwtSecret: options.jwtSecret ?? resolveJwtSecret(config),
    loginThrottle: options.loginThrottle ?? createLoginThrottle(),
  };
}
