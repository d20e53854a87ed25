import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { sql } from '../sql.js';
import { createTestDb } from '../testing/create-test-db.js';
import { createTestTenant } from '../testing/test-tenant.js';
import { loadCustomerTable, upsertCustomerBatch } from './customer-repository.js';
import {
  activateSegmentationRun,
  getActiveSegmentationRun,
  getCustomerSegment,
  getSegmentAssignments,
  getSegmentationRun,
  insertSegmentationRun,
  listSegmentationRuns,
} from './segmentation-run-repository.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

const customers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    customerId: `c${String(i).padStart(3, '0')}`,
    gender: i % 2 ? 'Male' : 'Female',
    age: 20 + i,
    annualIncome: 1000 * i,
    spendingScore: i % 100,
    profession: null,
    workExperience: 1,
    familySize: 2,
  }));

async function tenantWithCustomers(n: number) {
  const t = await createTestTenant(db);
  await upsertCustomerBatch(db, t.id, customers(n));
  return { tenant: t, table: await loadCustomerTable(db, t.id) };
}

describe('segmentation run repository', () => {
  it('stores a run with bulk assignments and makes it active', async () => {
    const { tenant, table } = await tenantWithCustomers(12);
    const segments = table.ids.map((_, i) => i % 3);
    const run = await insertSegmentationRun(db, tenant.id, {
      algorithm: 'kmeans',
      k: 3,
      parameters: { nClusters: 3, seed: 42 },
      metrics: { silhouette: 0.5 },
      profiles: [{ segment: 0, count: 4 }],
      model: { kind: 'kmeans', version: 1, params: { centroids: [[0, 1]] } },
      assignments: { customerPks: table.ids, segments },
    });
    expect(run).toMatchObject({ algorithm: 'kmeans', k: 3, customerCount: 12, active: true });
    expect(run.metrics).toEqual({ silhouette: 0.5 });
    expect(run.model).toEqual({ kind: 'kmeans', version: 1, params: { centroids: [[0, 1]] } });
    expect((await getActiveSegmentationRun(db, tenant.id))?.id).toBe(run.id);
    const a = await getSegmentAssignments(db, tenant.id, run.id);
    expect(a.customerIds).toEqual(table.customerIds);
    expect(a.segments).toEqual(segments);
    expect(await getCustomerSegment(db, tenant.id, 'c004')).toBe(1);
  });

  it('keeps one active run; activation switches it; other tenants cannot see or reference it', async () => {
    const { tenant, table } = await tenantWithCustomers(4);
    const other = await tenantWithCustomers(3);
    const assignments = { customerPks: table.ids, segments: [0, 0, 1, 1] };
    const first = await insertSegmentationRun(db, tenant.id, { algorithm: 'gmm', k: 2, assignments });
    const second = await insertSegmentationRun(db, tenant.id, { algorithm: 'kmeans', k: 2, assignments });
    expect((await getActiveSegmentationRun(db, tenant.id))?.id).toBe(second.id);
    expect(await activateSegmentationRun(db, tenant.id, first.id)).toBe(true);
    expect((await getActiveSegmentationRun(db, tenant.id))?.id).toBe(first.id);
    expect((await listSegmentationRuns(db, tenant.id)).map((r) => r.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    // Cross-tenant: not visible, not activatable, and foreign customer rows are not assigned.
    expect(await getSegmentationRun(db, other.tenant.id, first.id)).toBeNull();
    expect(await activateSegmentationRun(db, other.tenant.id, first.id)).toBe(false);
    expect((await getActiveSegmentationRun(db, tenant.id))?.id).toBe(first.id);
    const mixed = await insertSegmentationRun(db, other.tenant.id, {
      algorithm: 'kmeans',
      k: 2,
      assignments: { customerPks: [...other.table.ids, table.ids[0]], segments: [0, 1, 0, 1] },
    });
    expect(mixed.customerCount).toBe(3);
    expect(await getSegmentationRun(db, tenant.id, 'nope')).toBeNull();
  });

  it('assignments follow their customer: ON DELETE CASCADE', async () => {
    const { tenant, table } = await tenantWithCustomers(3);
    const run = await insertSegmentationRun(db, tenant.id, {
      algorithm: 'dbscan',
      k: 1,
      assignments: { customerPks: table.ids, segments: Int32Array.from([0, 0, -1]) },
    });
    await db.query(sql`DELETE FROM customers WHERE id = ${table.ids[2]}`);
    const { rows } = await db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM segment_assignments WHERE run_id = ${run.id}`,
    );
    expect(rows[0].n).toBe(2);
  });
});
