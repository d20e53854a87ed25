import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import type { Db } from '../db/db.js';
import { countCustomers, getActiveModel, getActiveSegmentationRun } from '../db/index.js';
import { createTestDb } from '../db/testing/create-test-db.js';
import { seedDemoTenant } from './seed-demo-tenant.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('seedDemoTenant demo data', () => {
  it('gives a fresh demo tenant customers, an active segmentation run and an active model, once', async () => {
    const config = loadConfig({ env: {}, cwd: '/nonexistent' });
    const seeded = await seedDemoTenant({ db, config }, { demoRows: 300 });
    expect(seeded).not.toBeNull();
    const tenantId = seeded!.tenant.id;
    expect(seeded!.demo?.customersImported).toBe(await countCustomers(db, tenantId));
    expect(seeded!.demo!.customersImported).toBeGreaterThan(280); // the generator plants a few bad rows
    const run = await getActiveSegmentationRun(db, tenantId);
    expect(run?.id).toBe(seeded!.demo!.segmentationRunId);
    expect(run?.customerCount).toBeGreaterThan(0);
    const model = await getActiveModel(db, tenantId);
    expect(model?.version).toBe(seeded!.demo!.modelVersion);
    expect(await seedDemoTenant({ db, config }, { demoRows: 300 })).toBeNull();
    expect(await countCustomers(db, tenantId)).toBe(seeded!.demo!.customersImported);
  }, 60_000);
});
