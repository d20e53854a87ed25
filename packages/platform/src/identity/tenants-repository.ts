/**
 * Tenants table. Slugs derive from the name; a taken slug gets a random suffix.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';
import { sql } from '../db/sql.js';
import type { Tenant } from './identity-types.js';

interface TenantRow {
  id: string;
  slug: string;
  name: string;
  plan: string;
  created_at: Date;
}

const toTenant = (r: TenantRow): Tenant => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  plan: r.plan,
  createdAt: r.created_at,
});

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

/** Inserts a tenant with `slug` (or, when taken, `slug-<6 hex>`). */
export async function insertTenant(
  db: Db,
  input: { slug: string; name: string; plan: string },
): Promise<Tenant> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const slug = attempt === 0 ? input.slug : `${input.slug.slice(0, 55)}-${randomBytes(3).toString('hex')}`;
    const { rows } = await db.query<TenantRow>(sql`
      INSERT INTO tenants (slug, name, plan) VALUES (${slug}, ${input.name}, ${input.plan})
      ON CONFLICT (slug) DO NOTHING
      RETURNING id, slug, name, plan, created_at`);
    if (rows.length === 1) return toTenant(rows[0]);
  }
  throw new Error('could not find a free tenant slug');
}

export async function findTenantById(db: Db, tenantId: string): Promise<Tenant | null> {
  const { rows } = await db.query<TenantRow>(
    sql`SELECT id, slug, name, plan, created_at FROM tenants WHERE id = ${tenantId}`,
  );
  return rows.length === 1 ? toTenant(rows[0]) : null;
}

export async function countTenants(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM tenants`);
  return rows[0].n;
}
