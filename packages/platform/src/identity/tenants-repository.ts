/**
 * Tenant creation for sign-up: like db/repositories' createTenant, but a taken slug gets a random
 * suffix instead of an error (ON CONFLICT DO NOTHING keeps the surrounding transaction usable).
 */
import { randomBytes } from 'node:crypto';
import type { PlanName } from '../config/config-types.js';
import type { Db } from '../db/db.js';
import type { Tenant } from '../db/repositories/tenant-repository.js';
import { sql } from '../db/sql.js';

/** Lower-case ASCII slug of a name, or "tenant" when nothing is left. */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s === '' ? 'tenant' : s;
}

/** Inserts a tenant with `slug`, or `slug-<6 hex>` when taken. */
export async function insertTenantWithFreeSlug(
  db: Db,
  input: { slug: string; name: string; plan: PlanName },
): Promise<Tenant> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const slug = attempt === 0 ? input.slug : `${input.slug.slice(0, 55)}-${randomBytes(3).toString('hex')}`;
    const { rows } = await db.query<Tenant>(sql`
      INSERT INTO tenants (slug, name, plan) VALUES (${slug}, ${input.name}, ${input.plan})
      ON CONFLICT (slug) DO NOTHING
      RETURNING id, slug, name, plan, created_at AS "createdAt", updated_at AS "updatedAt"`);
    if (rows.length === 1) return rows[0];
  }
  throw new Error('could not find a free tenant slug');
}
