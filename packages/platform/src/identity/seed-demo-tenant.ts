/**
 * First-run seeding for `cohortlens serve`: on a database without tenants, creates the demo tenant
 * (`tenant.default_slug` / `default_name` / `default_plan`) and its owner with a random password,
 * returned so the caller can print it once. There is no default password.
 * Demo customers and a trained model are to be added here once those use cases exist.
 */
import type { Config } from '../config/config-types.js';
import type { Db } from '../db/db.js';
import type { Tenant, User } from './identity-types.js';
import { generatePassword } from './opaque-secret.js';
import { hashPassword } from './password.js';
import { countTenants, insertTenant } from './tenants-repository.js';
import { insertUser } from './users-repository.js';

export const DEMO_OWNER_EMAIL = 'owner@demo.cohortlens.local';

export interface SeedDemoTenantResult {
  readonly tenant: Tenant;
  readonly owner: User;
  /** The owner's password, to print once. */
  readonly password: string;
}

/** @returns the created tenant and owner, or null when the database already has a tenant. */
export async function seedDemoTenant(deps: {
  db: Db;
  config: Pick<Config, 'tenant'>;
}): Promise<SeedDemoTenantResult | null> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    if ((await countTenants(tx)) > 0) return null;
    const { defaultSlug, defaultName, defaultPlan } = deps.config.tenant;
    const tenant = await insertTenant(tx, { slug: defaultSlug, name: defaultName, plan: defaultPlan });
    const owner = await insertUser(tx, tenant.id, { email: DEMO_OWNER_EMAIL, passwordHash, role: 'owner' });
    if (owner === null) throw new Error(`${DEMO_OWNER_EMAIL} already exists`);
    return { tenant, owner, password };
  });
}
