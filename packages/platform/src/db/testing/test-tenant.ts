/** Creates a throw-away tenant with a unique slug, so tests sharing one database stay isolated. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db.js';
import { createTenant, type Tenant } from '../repositories/tenant-repository.js';

export async function createTestTenant(db: Db, plan: Tenant['plan'] = 'enterprise'): Promise<Tenant> {
  const slug = `t-${randomBytes(5).toString('hex')}`;
  return createTenant(db, { slug, name: slug, plan });
}
