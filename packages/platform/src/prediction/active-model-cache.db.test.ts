import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { CUSTOMER_CSV_HEADER, customerToCsvRow, generateCustomers } from '@cohortlens/engine';
import { loadConfig } from '../config/load-config.js';
import { importCustomers } from '../customers/import-customers.js';
import type { Db, Tenant } from '../db/index.js';
import { activateModel } from '../db/index.js';
import { createTestDb, createTestTenant } from '../db/testing/index.js';
import { runSegmentation } from '../segmentation/run-segmentation.js';
import { createActiveModelCache } from './active-model-cache.js';
import { trainModel } from './train-model.js';

let db: Db;
let tenant: Tenant;
const config = loadConfig({ env: {}, cwd: '/nonexistent' });

beforeAll(async () => {
  db = await createTestDb();
  tenant = await createTestTenant(db);
  const lines = [CUSTOMER_CSV_HEADER];
  for (const c of generateCustomers({ rows: 200, seed: 3, messiness: 0, duplicateShare: 0 }))
    lines.push(customerToCsvRow(c));
  await importCustomers({ db, config }, { tenantId: tenant.id, source: Readable.from([lines.join('\n')]) });
}, 60_000);
afterAll(async () => {
  await db.close();
});

describe('createActiveModelCache', () => {
  it('deserializes a version once, follows activation after invalidateTenant or the TTL', async () => {
    let now = 0;
    const cache = createActiveModelCache({ clock: () => now, activeTtlMs: 1000, maxEntries: 2 });
    expect(await cache.spendingModel(db, tenant.id)).toBeNull();
    const v1 = (await trainModel(db, tenant, config, { cvFolds: 2 })).version;
    // The "no model" answer is trusted for the TTL…
    expect(await cache.spendingModel(db, tenant.id)).toBeNull();
    now += 1001;
    const first = await Promise.all([cache.spendingModel(db, tenant.id), cache.spendingModel(db, tenant.id)]);
    expect(first.map((m) => m?.version)).toEqual([v1, v1]);
    expect(first[0]!.model).toBe(first[1]!.model);
    expect(cache.stats.spendingLoads).toBe(1);

    const v2 = (await trainModel(db, tenant, config, { cvFolds: 2 })).version;
    cache.invalidateTenant(tenant.id);
    expect((await cache.spendingModel(db, tenant.id))?.version).toBe(v2);
    expect(await activateModel(db, tenant.id, v1)).toBe(true);
    now += 1001;
    const back = await cache.spendingModel(db, tenant.id);
    expect(back?.version).toBe(v1);
    expect(back?.model).toBe(first[0]!.model); // still cached (LRU of 2)
    expect(cache.stats.spendingLoads).toBe(2);
  }, 60_000);

  it('loads the active segmentation artifact (scaler + clusterer) once per run', async () => {
    const cache = createActiveModelCache();
    expect(await cache.segmentation(db, tenant.id)).toBeNull();
    const run = await runSegmentation(db, tenant, config, { k: 3 });
    cache.invalidateTenant(tenant.id);
    const seg = await cache.segmentation(db, tenant.id);
    expect(seg?.runId).toBe(run.runId);
    expect(seg?.features).toEqual(['age', 'annual_income', 'spending_score']);
    expect(await cache.segmentation(db, tenant.id)).toBe(seg);
    expect(cache.stats.segmentationLoads).toBe(1);
  }, 60_000);
});
