import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createTestDb } from '../testing/create-test-db.js';
import { createTestTenant } from '../testing/test-tenant.js';
import {
  getActiveDriftBaseline,
  insertDriftCheck,
  listDriftChecks,
  saveDriftBaseline,
} from './drift-repository.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('drift repository', () => {
  it('keeps the newest baseline active and records checks', async () => {
    const t = await createTestTenant(db);
    const other = await createTestTenant(db);
    expect(await getActiveDriftBaseline(db, t.id)).toBeNull();
    await saveDriftBaseline(db, t.id, { baseline: { age: { mean: 30 } }, rowCount: 10 });
    const second = await saveDriftBaseline(db, t.id, { baseline: { age: { mean: 31 } }, rowCount: 12 });
    const active = await getActiveDriftBaseline(db, t.id);
    expect(active).toMatchObject({
      id: second.id,
      rowCount: 12,
      active: true,
      baseline: { age: { mean: 31 } },
    });
    expect(await getActiveDriftBaseline(db, other.id)).toBeNull();

    const check = await insertDriftCheck(db, t.id, {
      baselineId: second.id,
      driftDetected: true,
      result: { alerts: ['age'] },
    });
    expect(check).toMatchObject({ baselineId: second.id, driftDetected: true, result: { alerts: ['age'] } });
    // A baseline of another tenant is not linked.
    const foreign = await insertDriftCheck(db, other.id, {
      baselineId: second.id,
      driftDetected: false,
      result: {},
    });
    expect(foreign.baselineId).toBeNull();
    expect((await listDriftChecks(db, t.id)).map((c) => c.id)).toEqual([check.id]);
  });
});
