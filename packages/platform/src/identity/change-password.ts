/**
 * A user changes its own password (e.g. the initial one from an invitation). Wrong current
 * passwords count against the login throttle, so a stolen access token cannot brute-force it.
 * Every refresh token of the user is revoked: other sessions must log in again.
 */
import { AppError } from '../errors/app-error.js';
import type { IdentityDeps, Principal } from './identity-types.js';
import { hashPassword, verifyPassword } from './password.js';
import { revokeUserRefreshTokens } from './refresh-tokens-repository.js';
import { findPasswordHash, findUserById, setPasswordHash } from './users-repository.js';

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
  /** Client address, for the throttle. */
  readonly address: string;
}

/** @throws USER_CREDENTIAL_REQUIRED (forbidden), CURRENT_PASSWORD_WRONG (invalid_input), PASSWORD_TOO_SHORT, LOGIN_THROTTLED */
export async function changePassword(
  deps: IdentityDeps,
  principal: Principal,
  input: ChangePasswordInput,
): Promise<void> {
  if (principal.userId === null) {
    throw new AppError(
      'USER_CREDENTIAL_REQUIRED',
      'forbidden',
      'Only a user (not an API key) can change a password.',
    );
  }
  const user = await findUserById(deps.db, principal.tenantId, principal.userId);
  const current = await findPasswordHash(deps.db, principal.tenantId, principal.userId);
  if (user === null || current === null)
    throw new AppError('TOKEN_INVALID', 'unauthorized', 'The access token is invalid.');
  deps.loginThrottle.check(user.email, input.address, deps.clock());
  if (!(await verifyPassword(current, input.currentPassword))) {
    deps.loginThrottle.recordFailure(user.email, input.address, deps.clock());
    throw new AppError('CURRENT_PASSWORD_WRONG', 'invalid_input', 'The current password is wrong.');
  }
  const next = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, principal.tenantId, principal.userId as string, next);
    await revokeUserRefreshTokens(tx, principal.tenantId, principal.userId as string, new Date(deps.clock()));
  });
}
