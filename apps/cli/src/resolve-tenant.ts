import { AppError, ensureDefaultTenant, getTenantBySlug, type Tenant } from '@cohortlens/platform';
import type { CliDeps } from './cli-deps.js';

/**
 * The tenant a command acts on: `--tenant SLUG` (must exist), else the configured default tenant
 * (`tenant.default_slug`), created on first use so a fresh install works without setup.
 * @throws AppError TENANT_NOT_FOUND
 */
export async function resolveTenant(deps: CliDeps, slug: string | undefined): Promise<Tenant> {
  const db = await deps.db();
  if (slug === undefined || slug === deps.config.tenant.defaultSlug)
    return ensureDefaultTenant(db, deps.config);
  const tenant = await getTenantBySlug(db, slug);
  if (tenant === null) {
    throw new AppError('TENANT_NOT_FOUND', 'not_found', `No tenant with slug "${slug}"`, {
      details: { slug },
    });
  }
  return tenant;
}
