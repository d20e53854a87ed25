/**
 * The access-token signing key. `auth.jwt_secret` when set. Otherwise, in production, the server
 * refuses to start (CONFIG_SECRET_REQUIRED); in development/test a 32-byte secret is generated
 * once and kept in `<parent of database.data_dir>/jwt-secret` (mode 0600) so tokens survive
 * restarts — beside, not inside, the data directory, which belongs to the embedded Postgres. With
 * an in-memory database the secret lives in memory only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config/config-types.js';
import { IN_MEMORY_DATA_DIR } from '../config/load-config.js';
import { AppError } from '../errors/app-error.js';

export const JWT_SECRET_FILE = 'jwt-secret';

/** Where the generated development secret is kept, or null for an in-memory database. */
export function jwtSecretPath(config: Pick<Config, 'database'>): string | null {
  const dir = config.database.dataDir;
  return dir === IN_MEMORY_DATA_DIR ? null : join(dirname(dir), JWT_SECRET_FILE);
}

/** @throws AppError CONFIG_SECRET_REQUIRED in production without `auth.jwt_secret`. */
export function resolveJwtSecret(config: Pick<Config, 'auth' | 'server' | 'database'>): Uint8Array {
  if (config.auth.jwtSecret !== null) return new TextEncoder().encode(config.auth.jwtSecret);
  if (config.server.environment === 'production') {
    throw new AppError(
      'CONFIG_SECRET_REQUIRED',
      'invalid_input',
      'auth.jwt_secret (JWT_SECRET, at least 32 characters) is required in production.',
      { details: { key: 'auth.jwt_secret' } },
    );
  }
  const file = jwtSecretPath(config);
  if (file === null) return new Uint8Array(randomBytes(32));
  try {
    const text = readFileSync(file, 'utf8').trim();
    const key = Buffer.from(text, 'base64url');
    if (key.length >= 32) return new Uint8Array(key);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return new Uint8Array(key);
}
