/**
 * Refresh-token rotation: a live token is exchanged for a new pair in the same family and marked
 * replaced. Presenting a token that was already spent (or revoked) revokes the whole family —
 * someone holds a stolen copy — and answers REFRESH_TOKEN_REUSED.
 */
import { AppError } from '../errors/app-error.js';
import type { IdentityDeps, TokenPair } from './identity-types.js';
import { issueTokens } from './issue-tokens.js';
import { hashSecret } from './opaque-secret.js';
import {
  findRefreshTokenForUpdate,
  markRefreshTokenReplaced,
  revokeRefreshFamily,
} from './refresh-tokens-repository.js';
import { findUserById } from './users-repository.js';

type Outcome = { ok: true; tokens: TokenPair } | { ok: false; error: AppError };

/** @throws AppError REFRESH_TOKEN_INVALID / REFRESH_TOKEN_EXPIRED / REFRESH_TOKEN_REUSED (unauthorized) */
export async function refreshSession(deps: IdentityDeps, refreshToken: string): Promise<TokenPair> {
  const fail = (code: string, message: string): Outcome => ({
    ok: false,
    error: new AppError(code, 'unauthorized', message),
  });
  // The transaction commits the family revocation even when the answer is an error.
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const now = new Date(deps.clock());
    const record = await findRefreshTokenForUpdate(tx, hashSecret(refreshToken));
    if (record === null) return fail('REFRESH_TOKEN_INVALID', 'The refresh token is invalid.');
    if (record.revokedAt !== null) {
      await revokeRefreshFamily(tx, record.tenantId, record.familyId, now);
      return fail(
        'REFRESH_TOKEN_REUSED',
        'The refresh token was already used; every session of this login was revoked.',
      );
    }
    if (record.expiresAt.getTime() <= now.getTime())
      return fail('REFRESH_TOKEN_EXPIRED', 'The refresh token has expired; log in again.');
    const user = await findUserById(tx, record.tenantId, record.userId);
    if (user === null || !user.active) {
      await revokeRefreshFamily(tx, record.tenantId, record.familyId, now);
      return fail('REFRESH_TOKEN_INVALID', 'The refresh token is invalid.');
    }
    const issued = await issueTokens(deps, tx, user, record.familyId);
    await markRefreshTokenReplaced(tx, record.tenantId, record.id, issued.refreshTokenId, now);
    return { ok: true, tokens: issued.tokens };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.tokens;
}
