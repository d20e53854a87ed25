/**
 * Self-service sign-up: creates a tenant (plan `plans.default_plan`) and its owner, then logs the
 * owner in.
 */
import { AppError } from '../errors/app-error.js';
import type { Tenant } from '../db/repositories/tenant-repository.js';
import type { IdentityDeps, TokenPair, User } from './identity-types.js';
import { issueTokens } from './issue-tokens.js';
import { hashPassword } from './password.js';
import { insertTenantWithFreeSlug, slugify } from './tenants-repository.js';
import { insertUser } from './users-repository.js';

export interface RegisterAccountInput {
  readonly email: string;
  readonly password: string;
  readonly tenantName: string;
}

export interface RegisterAccountResult {
  readonly tenant: Tenant;
  readonly user: User;
  readonly tokens: TokenPair;
}

export const emailTaken = () =>
  new AppError('EMAIL_TAKEN', 'conflict', 'An account with this email already exists.');

/** @throws AppError PASSWORD_TOO_SHORT (invalid_input), EMAIL_TAKEN (conflict) */
export async function registerAccount(
  deps: IdentityDeps,
  input: RegisterAccountInput,
): Promise<RegisterAccountResult> {
  const passwordHash = await hashPassword(input.password);
  const name = input.tenantName.trim();
  return deps.db.transaction(async (tx) => {
    const tenant = await insertTenantWithFreeSlug(tx, {
      slug: slugify(name),
      name,
      plan: deps.config.plans.defaultPlan,
    });
    const user = await insertUser(tx, tenant.id, { email: input.email, passwordHash, role: 'owner' });
    if (user === null) throw emailTaken();
    const { tokens } = await issueTokens(deps, tx, user);
    return { tenant, user, tokens };
  });
}
