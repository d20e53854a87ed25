/**
 * API keys for machines. The secret (`clk_<12 hex prefix>_<43 base64url>`) is returned once; the
 * database keeps the prefix and the SHA-256 of the random part (see opaque-secret.ts for why not
 * argon2). A key's role is at most its creator's.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { findApiKeyById, insertApiKey, listApiKeys, revokeApiKeyRecord } from './api-keys-repository.js';
import type { ApiKey, IdentityDeps, Principal } from './identity-types.js';
import { hashSecret, randomSecret } from './opaque-secret.js';
import { requireGrantable, requireRole } from './require-role.js';
import type { Role } from './roles.js';

type Deps = Pick<IdentityDeps, 'db' | 'clock'>;

export interface CreateApiKeyResult {
  readonly apiKey: ApiKey;
  /** The full key, shown once. */
  readonly secret: string;
}

/** @throws ROLE_REQUIRED, ROLE_TOO_HIGH (forbidden) */
export async function createApiKey(
  deps: Deps,
  principal: Principal,
  input: { name: string; role: Role },
): Promise<CreateApiKeyResult> {
  requireRole(principal, 'admin');
  requireGrantable(principal, input.role);
  const prefix = randomBytes(6).toString('hex');
  const random = randomSecret(32);
  const apiKey = await insertApiKey(deps.db, principal.tenantId, {
    name: input.name,
    prefix,
    keyHash: hashSecret(random),
    role: input.role,
    createdBy: principal.userId,
  });
  return { apiKey, secret: `clk_${prefix}_${random}` };
}

export async function listTenantApiKeys(deps: Deps, principal: Principal): Promise<ApiKey[]> {
  requireRole(principal, 'admin');
  return listApiKeys(deps.db, principal.tenantId);
}

/** Revokes a key of the caller's tenant (idempotent). @throws API_KEY_NOT_FOUND, ROLE_TOO_HIGH */
export async function revokeApiKey(deps: Deps, principal: Principal, id: string): Promise<ApiKey> {
  requireRole(principal, 'admin');
  const notFound = new AppError('API_KEY_NOT_FOUND', 'not_found', 'API key not found.', { details: { id } });
  const existing = await findApiKeyById(deps.db, principal.tenantId, id);
  if (existing === null) throw notFound;
  requireGrantable(principal, existing.role);
  const revoked = await revokeApiKeyRecord(deps.db, principal.tenantId, id, new Date(deps.clock()));
  if (revoked === null) throw notFound;
  return revoked;
}
