/**
 * Domain types of the identity feature and the deps its use cases take.
 */
import type { Config } from '../config/config-types.js';
import type { Db } from '../db/db.js';
import type { LoginThrottle } from './login-throttle.js';
import type { Role } from './roles.js';

export interface User {
  readonly id: string;
  readonly tenantId: string;
  readonly email: string;
  readonly role: Role;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ApiKey {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  /** Public part of the key (`clk_<prefix>_…`), used to list and find it. */
  readonly prefix: string;
  readonly role: Role;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** Who is calling: resolved from a Bearer access token or an API key, never from the request body. */
export interface Principal {
  readonly kind: 'user' | 'api_key';
  readonly tenantId: string;
  /** The current role (read from the database on every request, so demotion is immediate). */
  readonly role: Role;
  /** The user (kind 'user') or null. */
  readonly userId: string | null;
  /** The API key (kind 'api_key') or null. */
  readonly apiKeyId: string | null;
}

/** What the token endpoints answer (OAuth2 field names, kept from the original API). */
export interface TokenPair {
  readonly accessToken: string;
  readonly tokenType: 'bearer';
  /** Access-token lifetime in seconds. */
  readonly expiresIn: number;
  readonly refreshToken: string;
}

/**
 * Deps of the identity use cases. `clock()` is the wall clock in Unix epoch milliseconds (tests
 * move it to expire tokens). `jwtSecret` comes from `resolveJwtSecret(config)`.
 */
export interface IdentityDeps {
  readonly db: Db;
  readonly config: Pick<Config, 'auth' | 'plans' | 'tenant'>;
  readonly clock: () => number;
  readonly jwtSecret: Uint8Array;
  readonly loginThrottle: LoginThrottle;
}
