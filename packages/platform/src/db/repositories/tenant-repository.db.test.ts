import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createTestDb } from '../testing/create-test-db.js';
import { createTenant, ensureDefaultTenant, getTenantById, getTenantBySlug } from './tenant-repository.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('tenant repository', () => {
  it('creates and finds tenants by slug and id; duplicate slugs are DB_CONFLICT', async () => {
    const t = await createTenant(db, { slug: 'acme', name: 'Acme', plan: 'basic' });
    expect(t).toMatchObject({ slug: 'acme', name: 'Acme', plan: 'basic' });
    expect(t.createdAt).toBeInstanceOf(Date);
    expect(await getTenantBySlug(db, 'acme')).toEqual(t);
    expect(await getTenantById(db, t.id)).toEqual(t);
    expect(await getTenantById(db, 'not-a-uuid')).toBeNull();
    expect(await getTenantBySlug(db, 'nope')).toBeNull();
    await expect(createTenant(db, { slug: 'acme', name: 'Other', plan: 'basic' })).rejects.toMatchObject({
      code: 'DB_CONFLICT',
      category: 'conflict',
    });
  });

  it('ensureDefaultTenant is idempotent, safe concurrently, and follows the configured plan', async () => {
    const config = {
      tenant: { defaultSlug: 'local', defaultName: 'Local', defaultPlan: 'enterprise' as const },
    };
    const [a, b] = await Promise.all([ensureDefaultTenant(db, config), ensureDefaultTenant(db, config)]);
    expect(a.id).toBe(b.id);
    expect(a.plan).toBe('enterprise');
    const c = await ensureDefaultTenant(db, { tenant: { ...config.tenant, defaultPlan: 'basic' } });
    expect(c).toMatchObject({ id: a.id, plan: 'basic' });
  });

  it('rejects an invalid plan with DB_INVALID_VALUE', async () => {
    await expect(
      createTenant(db, { slug: 'bad-plan', name: 'x', plan: 'gold' as unknown as 'basic' }),
    ).rejects.toMatchObject({ code: 'DB_INVALID_VALUE', category: 'invalid_input' });
  });
});
