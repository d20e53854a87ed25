/**
 * Resolves the caller from its credential: an `X-API-Key` header, or `Authorization: Bearer` with
 * either an access token (JWT) or an API key (`clk_…`). The tenant and role always come from the
 * credential; the user or key is re-read so deactivation, demotion and revocation apply at once.
 */
import { AppError } from '../errors/app-error.js';
import { verifyAccessToken } from './access-token.js';
import { findApiKeyByPrefix, touchApiKey } from './api-keys-repository.js';
import type { IdentityDeps, Principal } from './identity-types.js';
import { accessTokenKeys } from './issue-tokens.js';
import { hashSecret, hashesEqual } from './opaque-secret.js';
import { findUserById } from './users-repository.js';

export const API_KEY_PREFIX = 'clk_';
const API_KEY_FORMAT = /^clk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface Credentials {
  /** The raw Authorization header. */
  readonly authorization?: string;
  /** The raw X-API-Key header. */
  readonly apiKey?: string;
}

const unauthorized = (code: string, message: string) => new AppError(code, 'unauthorized', message);

async function fromApiKey(deps: IdentityDeps, key: string): Promise<Principal> {
  const m = API_KEY_FORMAT.exec(key.trim());
  const invalid = unauthorized('API_KEY_INVALID', 'The API key is invalid.');
  if (m === null) throw invalid;
  const record = await findApiKeyByPrefix(deps.db, m[1]);
  if (record === null || !hashesEqual(record.keyHash, hashSecret(m[2]))) throw invalid;
  if (record.revokedAt !== null) throw unauthorized('API_KEY_REVOKED', 'The API key was revoked.');
  await touchApiKey(deps.db, record.tenantId, record.id, new Date(deps.clock()));
  return { kind: 'api_key', tenantId: record.tenantId, role: record.role, userId: null, apiKeyId: record.id };
}

async function fromAccessToken(deps: IdentityDeps, token: string): Promise<Principal> {
  const claims = await verifyAccessToken(accessTokenKeys(deps), token, deps.clock());
  const user = await findUserById(deps.db, claims.tid, claims.sub);
  if (user === null || !user.active) throw unauthorized('TOKEN_INVALID', 'The access token is invalid.');
  return { kind: 'user', tenantId: user.tenantId, role: user.role, userId: user.id, apiKeyId: null };
}

/**
 * @returns the principal, or null when no credential was presented.
 * @throws AppError TOKEN_INVALID / TOKEN_EXPIRED / API_KEY_INVALID / API_KEY_REVOKED /
 *   AUTH_HEADER_INVALID (unauthorized)
 */
export async function authenticate(deps: IdentityDeps, credentials: Credentials): Promise<Principal | null> {
  if (credentials.apiKey !== undefined && credentials.apiKey !== '')
    return fromApiKey(deps, credentials.apiKey);
  const header = credentials.authorization?.trim();
  if (header === undefined || header === '') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (m === null) throw unauthorized('AUTH_HEADER_INVALID', 'Use "Authorization: Bearer <token>".');
  return m[1].startsWith(API_KEY_PREFIX) ? fromApiKey(deps, m[1]) : fromAccessToken(deps, m[1]);
}
