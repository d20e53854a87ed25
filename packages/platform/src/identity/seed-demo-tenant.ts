/**
 * First-run seeding for `cohortlens serve`: on a database without any user, makes sure the default
 * tenant exists (`tenant.default_slug`, the one the CLI imports into) and gives it an owner with a
 * random password, returned so the caller can print it once. There is no default password.
 * Demo customers and a trained model are to be added here once those use cases exist.
 */
import type { Config } from '../config/config-types.js';
import type { Db } from '../db/db.js';
import { ensureDefaultTenant, type Tenant } from '../db/repositories/tenant-repository.js';
import { sql } from '../db/sql.js';
import type { User } from './identity-types.js';
import { generatePassword } from './opaque-secret.js';
import { hashPassword } from './password.js';
import { insertUser } from './users-repository.js';

export const DEMO_OWNER_EMAIL = 'owner@demo.cohortlens.local';

export interface SeedDemoTenantResult {
  readonly tenant: Tenant;
  readonly owner: User;
  /** The owner's password, to print once. */
  readonly password: string;
}

/** @returns the tenant and its new owner, or null when the database already has a user. */
export async function seedDemoTenant(deps: {
  db: Db;
  config: Pick<Config, 'tenant'>;
}): Promise<SeedDemoTenantResult | null> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    // Serialises concurrent first starts: the second waits, then sees the owner.
    await tx.query(sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
    const { rows } = await tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
    if (rows[0].n > 0) return null;
    const tenant = await ensureDefaultTenant(tx, deps.config);
    const owner = await insertUser(tx, tenant.id, { email: DEMO_OWNER_EMAIL, passwordHash, role: 'owner' });
    if (owner === null) throw new Error(`${DEMO_OWNER_EMAIL} already exists`);
    return { tenant, owner, password };
  });
}
