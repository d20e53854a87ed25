/**
 * Issues an access token and a refresh token (new family, or the given one when rotating).
 * Refresh tokens are `clr_<43 base64url chars>`; only their SHA-256 is stored.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.js';
import { signAccessToken } from './access-token.js';
import type { IdentityDeps, TokenPair, User } from './identity-types.js';
import { hashSecret, randomSecret } from './opaque-secret.js';
import { insertRefreshToken } from './refresh-tokens-repository.js';

export const REFRESH_TOKEN_PREFIX = 'clr_';

/** The issuer/audience/secret triple of the deps. */
export const accessTokenKeys = (deps: Pick<IdentityDeps, 'config' | 'jwtSecret'>) => ({
  secret: deps.jwtSecret,
  issuer: deps.config.auth.issuer,
  audience: deps.config.auth.audience,
});

/** Signs an access token and stores a new refresh token; returns both and the new token's row id. */
export async function issueTokens(
  deps: IdentityDeps,
  db: Db,
  user: User,
  familyId: string = randomUUID(),
): Promise<{ tokens: TokenPair; refreshTokenId: string }> {
  const now = deps.clock();
  const ttl = deps.config.auth.accessTokenMinutes * 60;
  const accessToken = await signAccessToken(
    accessTokenKeys(deps),
    { userId: user.id, tenantId: user.tenantId, role: user.role },
    now,
    ttl,
  );
  const refreshToken = `${REFRESH_TOKEN_PREFIX}${randomSecret(32)}`;
  const record = await insertRefreshToken(db, user.tenantId, {
    userId: user.id,
    familyId,
    tokenHash: hashSecret(refreshToken),
    expiresAt: new Date(now + deps.config.auth.refreshTokenDays * 86_400_000),
  });
  return {
    tokens: { accessToken, tokenType: 'bearer', expiresIn: ttl, refreshToken },
    refreshTokenId: record.id,
  };
}
