import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { openDatabase } from './open-database.js';
import { ensureDefaultTenant, getTenantBySlug } from './repositories/tenant-repository.js';
import { countCustomers, upsertCustomerBatch } from './repositories/customer-repository.js';

describe('openDatabase', () => {
  it('opens PGlite in the configured data dir, migrates, locks it, and keeps data across restarts', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cl-open-'));
    const config = loadConfig({ env: { COHORTLENS_DATA_DIR: 'pgdata' }, cwd });
    const lock = join(cwd, 'pgdata.lock');
    writeFileSync(lock, '4194305'); // above Linux pid_max: a crashed owner, taken over
    const first = await openDatabase(config);
    expect(first.driver).toBe('pglite');
    // A second opener (another process, or this one) must not share the data directory.
    await expect(openDatabase(config)).rejects.toMatchObject({ code: 'DB_LOCKED', category: 'unavailable' });
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
    expect(existsSync(lock)).toBe(false);

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
