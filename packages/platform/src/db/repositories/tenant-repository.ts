/** Tenants: lookup by id/slug, creation, and the idempotent default (CLI) tenant. */
import type { Config, PlanName } from '../../config/config-types.js';
import type { Db } from '../db.js';
import { sql } from '../sql.js';
import { isUuid } from './is-uuid.js';

export interface Tenant {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly plan: PlanName;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewTenant {
  readonly slug: string;
  readonly name: string;
  readonly plan: PlanName;
}

const COLUMNS = sql`id, slug, name, plan, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The tenant with this id, or null (also for strings that are not uuids). */
export async function getTenantById(db: Db, id: string): Promise<Tenant | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<Tenant>(sql`SELECT ${COLUMNS} FROM tenants WHERE id = ${id}`);
  return rows[0] ?? null;
}

/** The tenant with this slug, or null. */
export async function getTenantBySlug(db: Db, slug: string): Promise<Tenant | null> {
  const { rows } = await db.query<Tenant>(sql`SELECT ${COLUMNS} FROM tenants WHERE slug = ${slug}`);
  return rows[0] ?? null;
}

/** Creates a tenant. @throws AppError DB_CONFLICT when the slug is taken. */
export async function createTenant(db: Db, tenant: NewTenant): Promise<Tenant> {
  const { rows } = await db.query<Tenant>(
    sql`INSERT INTO tenants (slug, name, plan) VALUES (${tenant.slug}, ${tenant.name}, ${tenant.plan})
        RETURNING ${COLUMNS}`,
  );
  return rows[0];
}

/**
 * Returns the CLI tenant (`tenant.defaultSlug`), creating it when missing. Its plan follows the
 * configuration (`tenant.defaultPlan`). Safe under concurrency (ON CONFLICT).
 */
export async function ensureDefaultTenant(db: Db, config: Pick<Config, 'tenant'>): Promise<Tenant> {
  const { defaultSlug, defaultName, defaultPlan } = config.tenant;
  const { rows } = await db.query<Tenant>(
    sql`INSERT INTO tenants AS t (slug, name, plan) VALUES (${defaultSlug}, ${defaultName}, ${defaultPlan})
        ON CONFLICT (slug) DO UPDATE SET plan = EXCLUDED.plan, updated_at = now()
        WHERE t.plan IS DISTINCT FROM EXCLUDED.plan
        RETURNING ${COLUMNS}`,
  );
  return rows[0] ?? ((await getTenantBySlug(db, defaultSlug)) as Tenant);
}
