/** The caller's tenant row (use cases that read tenant settings take a Tenant, not an id). */
import { AppError, getTenantById, type Principal, type Tenant } from '@cohortlens/platform';
import type { AppDeps } from '../app-deps.js';

/** @throws AppError TENANT_NOT_FOUND (the tenant was deleted after the credential was issued). */
export async function tenantOf(deps: AppDeps, principal: Principal): Promise<Tenant> {
  const tenant = await getTenantById(deps.db, principal.tenantId);
  if (!tenant) throw new AppError('TENANT_NOT_FOUND', 'not_found', 'Tenant not found.');
  return tenant;
}
