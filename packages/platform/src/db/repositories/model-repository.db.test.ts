import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createTestDb } from '../testing/create-test-db.js';
import { createTestTenant } from '../testing/test-tenant.js';
import {
  activateModel,
  getActiveModel,
  getModelByVersion,
  insertModelVersion,
  listModels,
} from './model-repository.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

const model = (n: number) => ({
  algorithm: 'random_forest',
  target: 'spending_score',
  parameters: { nEstimators: n },
  metrics: { r2: 0.1 * n },
  artifact: { kind: 'spending-model', version: 1, params: { n } },
});

describe('model repository', () => {
  it('numbers versions 1, 2, 3 atomically even when trained concurrently', async () => {
    const t = await createTestTenant(db);
    const stored = await Promise.all([1, 2, 3].map((n) => insertModelVersion(db, t.id, model(n))));
    expect(stored.map((m) => m.version).sort()).toEqual([1, 2, 3]);
    expect((await listModels(db, t.id)).map((m) => m.version)).toEqual([3, 2, 1]);
    const active = await getActiveModel(db, t.id);
    expect(active?.active).toBe(true);
    expect((await listModels(db, t.id)).filter((m) => m.active)).toHaveLength(1);
  });

  it('activates an older version; versions are per tenant', async () => {
    const t = await createTestTenant(db);
    const other = await createTestTenant(db);
    await insertModelVersion(db, t.id, model(1));
    await insertModelVersion(db, t.id, model(2));
    expect((await insertModelVersion(db, other.id, model(9))).version).toBe(1);
    expect((await getActiveModel(db, t.id))?.version).toBe(2);
    expect(await activateModel(db, t.id, 1)).toBe(true);
    const active = await getActiveModel(db, t.id);
    expect(active).toMatchObject({ version: 1, parameters: { nEstimators: 1 } });
    expect(active?.artifact).toEqual({ kind: 'spending-model', version: 1, params: { n: 1 } });
    expect(await activateModel(db, t.id, 7)).toBe(false);
    expect((await getActiveModel(db, t.id))?.version).toBe(1);
    expect(await getModelByVersion(db, other.id, 2)).toBeNull();
    expect((await insertModelVersion(db, t.id, { ...model(3), activate: false })).active).toBe(false);
    expect((await getActiveModel(db, t.id))?.version).toBe(1);
  });
});
