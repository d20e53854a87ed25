/**
 * Tenant user administration: list, invite (with a random initial password shown once), change
 * role or deactivate. Every lookup is scoped to the caller's tenant, so another tenant's ids are
 * simply not found.
 */
import { AppError } from '../errors/app-error.js';
import { getTenantById, type Tenant } from '../db/repositories/tenant-repository.js';
import type { IdentityDeps, Principal, User } from './identity-types.js';
import { generatePassword } from './opaque-secret.js';
import { hashPassword } from './password.js';
import { emailTaken } from './register-account.js';
import { revokeUserRefreshTokens } from './refresh-tokens-repository.js';
import { requireGrantable, requireRole } from './require-role.js';
import type { Role } from './roles.js';
import {
  countActiveOwners,
  findUserById,
  insertUser,
  listUsers,
  updateUserRecord,
} from './users-repository.js';

type Deps = Pick<IdentityDeps, 'db' | 'clock'>;

const userNotFound = (id: string) =>
  new AppError('USER_NOT_FOUND', 'not_found', 'User not found.', { details: { id } });

/** Users of the caller's tenant (admin and above). */
export async function listTenantUsers(deps: Deps, principal: Principal): Promise<User[]> {
  requireRole(principal, 'admin');
  return listUsers(deps.db, principal.tenantId);
}

export interface InviteUserResult {
  readonly user: User;
  /** Shown once; the user should change it (see the report: no change-password route yet). */
  readonly initialPassword: string;
}

/** Creates a user in the caller's tenant with a role at most the caller's. @throws ROLE_TOO_HIGH, EMAIL_TAKEN */
export async function inviteUser(
  deps: Deps,
  principal: Principal,
  input: { email: string; role: Role },
): Promise<InviteUserResult> {
  requireRole(principal, 'admin');
  requireGrantable(principal, input.role);
  const initialPassword = generatePassword();
  const user = await insertUser(deps.db, principal.tenantId, {
    email: input.email,
    passwordHash: await hashPassword(initialPassword),
    role: input.role,
  });
  if (user === null) throw emailTaken();
  return { user, initialPassword };
}

/**
 * Changes a user's role and/or active flag. The caller may not act on a user above its own role,
 * grant above its own role, or leave the tenant without an active owner. Deactivation revokes the
 * user's refresh tokens (its access tokens stop working at once: authentication re-reads the user).
 * @throws USER_NOT_FOUND, ROLE_TOO_HIGH, LAST_OWNER
 */
export async function updateUser(
  deps: Deps,
  principal: Principal,
  userId: string,
  patch: { role?: Role; active?: boolean },
): Promise<User> {
  requireRole(principal, 'admin');
  return deps.db.transaction(async (tx) => {
    const target = await findUserById(tx, principal.tenantId, userId);
    if (target === null) throw userNotFound(userId);
    requireGrantable(principal, target.role);
    if (patch.role !== undefined) requireGrantable(principal, patch.role);
    const losesOwner =
      target.role === 'owner' &&
      target.active &&
      ((patch.role !== undefined && patch.role !== 'owner') || patch.active === false);
    if (losesOwner && (await countActiveOwners(tx, principal.tenantId)) <= 1) {
      throw new AppError('LAST_OWNER', 'conflict', 'A tenant needs at least one active owner.');
    }
    const updated = await updateUserRecord(tx, principal.tenantId, userId, patch);
    if (updated === null) throw userNotFound(userId);
    if (patch.active === false)
      await revokeUserRefreshTokens(tx, principal.tenantId, userId, new Date(deps.clock()));
    return updated;
  });
}

export interface Me {
  readonly principal: Principal;
  readonly tenant: Tenant;
  /** The user behind the credential (null for an API key). */
  readonly user: User | null;
}

/** The caller: tenant, role and, for a user, the user record. */
export async function getMe(deps: Deps, principal: Principal): Promise<Me> {
  const tenant = await getTenantById(deps.db, principal.tenantId);
  if (tenant === null) throw new AppError('TENANT_NOT_FOUND', 'not_found', 'Tenant not found.');
  const user =
    principal.userId === null ? null : await findUserById(deps.db, principal.tenantId, principal.userId);
  return { principal, tenant, user };
}
