import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { openDatabase } from './open-database.js';
import { ensureDefaultTenant, getTenantBySlug } from './repositories/tenant-repository.js';
import { countCustomers, upsertCustomerBatch } from './repositories/customer-repository.js';

describe('openDatabase', () => {
  it('opens PGlite in the configured data dir, migrates, and keeps data across restarts', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cl-open-'));
    const config = loadConfig({ env: { COHORTLENS_DATA_DIR: 'pgdata' }, cwd });
    const first = await openDatabase(config);
    expect(first.driver).toBe('pglite');
    const tenant = await ensureDefaultTenant(first, config);
    expect(tenant).toMatchObject({ slug: 'local', plan: 'enterprise' });
    await upsertCustomerBatch(first, tenant.id, [
      {
        customerId: '1',
        gender: 'Male',
        age: 1,
        annualIncome: 1,
        spendingScore: 1,
        profession: null,
        workExperience: 0,
        familySize: 1,
      },
    ]);
    await first.close();

    const second = await openDatabase(config);
    try {
      const again = await getTenantBySlug(second, 'local');
      expect(again?.id).toBe(tenant.id);
      expect(await countCustomers(second, tenant.id)).toBe(1);
    } finally {
      await second.close();
    }
  });
});
