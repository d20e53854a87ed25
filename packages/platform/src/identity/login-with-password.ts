/**
 * Password login (the OAuth2 password grant of POST /api/v1/token), throttled per account and per
 * client address. Unknown email, wrong password and inactive account all answer the same
 * INVALID_CREDENTIALS after the same argon2 work.
 */
import { AppError } from '../errors/app-error.js';
import type { IdentityDeps, TokenPair } from './identity-types.js';
import { issueTokens } from './issue-tokens.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { findUserForLogin, normalizeEmail } from './users-repository.js';

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  /** Client address (for throttling), as resolved with the trusted-proxy list. */
  readonly address: string;
}

/** @throws AppError INVALID_CREDENTIALS (unauthorized), LOGIN_THROTTLED (limit) */
export async function loginWithPassword(deps: IdentityDeps, input: LoginInput): Promise<TokenPair> {
  const email = normalizeEmail(input.email);
  deps.loginThrottle.check(email, input.address, deps.clock());
  const user = await findUserForLogin(deps.db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (user === null || !ok || !user.active) {
    deps.loginThrottle.recordFailure(email, input.address, deps.clock());
    throw new AppError('INVALID_CREDENTIALS', 'unauthorized', 'Incorrect username or password.');
  }
  deps.loginThrottle.recordSuccess(email);
  return (await issueTokens(deps, deps.db, user)).tokens;
}
