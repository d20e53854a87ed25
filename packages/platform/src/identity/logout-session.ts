/**
 * Logout: revokes the refresh token's whole family (this login on every rotation). Idempotent and
 * silent for unknown tokens. Access tokens already issued stay valid until they expire (minutes).
 */
import type { IdentityDeps } from './identity-types.js';
import { hashSecret } from './opaque-secret.js';
import { findRefreshTokenForUpdate, revokeRefreshFamily } from './refresh-tokens-repository.js';

export async function logoutSession(deps: IdentityDeps, refreshToken: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const record = await findRefreshTokenForUpdate(tx, hashSecret(refreshToken));
    if (record !== null)
      await revokeRefreshFamily(tx, record.tenantId, record.familyId, new Date(deps.clock()));
  });
}
