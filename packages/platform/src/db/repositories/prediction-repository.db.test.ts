import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createTestDb } from '../testing/create-test-db.js';
import { createTestTenant } from '../testing/test-tenant.js';
import { upsertCustomerBatch } from './customer-repository.js';
import { insertPrediction, insertPredictions, listPredictions } from './prediction-repository.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('prediction repository', () => {
  it('stores predictions with snapshots, links known customers, keeps input order', async () => {
    const t = await createTestTenant(db);
    await upsertCustomerBatch(db, t.id, [
      {
        customerId: '7',
        gender: 'Male',
        age: 30,
        annualIncome: 1,
        spendingScore: 2,
        profession: null,
        workExperience: 1,
        familySize: 1,
      },
    ]);
    const features = { age: 30, annual_income: 50000, profession: 'Artist' };
    const stored = await insertPredictions(db, t.id, [
      { customerId: '7', modelVersion: 2, predicted: 61.5, intervalLow: 50, intervalHigh: 70, features },
      { customerId: 'unknown', modelVersion: 2, predicted: 10, features: {} },
      { modelVersion: 2, predicted: 20, features: { age: 1 }, explanation: { base: 50, values: [1, -2] } },
    ]);
    expect(stored.map((p) => p.predicted)).toEqual([61.5, 10, 20]);
    expect(stored[0]).toMatchObject({
      customerId: '7',
      modelVersion: 2,
      intervalLow: 50,
      intervalHigh: 70,
      features,
    });
    expect(typeof stored[0].customerPk).toBe('number');
    expect(stored[1]).toMatchObject({ customerId: 'unknown', customerPk: null });
    expect(stored[2]).toMatchObject({ customerId: null, explanation: { base: 50, values: [1, -2] } });
    expect(stored[0].createdAt).toBeInstanceOf(Date);
    expect(await insertPredictions(db, t.id, [])).toEqual([]);
  });

  it('lists per tenant and per customer, newest first', async () => {
    const t = await createTestTenant(db);
    const other = await createTestTenant(db);
    await insertPrediction(db, t.id, { customerId: 'a', modelVersion: 1, predicted: 1, features: {} });
    await insertPrediction(db, t.id, { customerId: 'b', modelVersion: 1, predicted: 2, features: {} });
    await insertPrediction(db, other.id, { customerId: 'a', modelVersion: 1, predicted: 3, features: {} });
    expect((await listPredictions(db, t.id)).map((p) => p.predicted)).toEqual([2, 1]);
    expect((await listPredictions(db, t.id, { customerId: 'a' })).map((p) => p.predicted)).toEqual([1]);
    expect(await listPredictions(db, t.id, { since: new Date(Date.now() + 86_400_000) })).toEqual([]);
  });
});
