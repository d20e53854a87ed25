import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { sql } from '../sql.js';
import { createTestDb } from '../testing/create-test-db.js';
import { createTestTenant } from '../testing/test-tenant.js';
import {
  countCustomers,
  getCustomer,
  listCustomers,
  loadCustomerTable,
  softDeleteCustomer,
  streamCustomers,
  upsertCustomerBatch,
  type CustomerInput,
} from './customer-repository.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

// The 5-row fixture of the original test suite.
const SAMPLE: CustomerInput[] = [
  ['1', 'Male', 25, 45000, 65, 'Healthcare', 2, 3],
  ['2', 'Female', 32, 55000, 78, 'Engineer', 5, 2],
  ['3', 'Male', 45, 75000, 45, 'Artist', 15, 4],
  ['4', 'Female', 28, 48000, 82, 'Entertainment', 3, 2],
  ['5', 'Male', 38, 62000, 55, 'Healthcare', 10, 3],
].map(([customerId, gender, age, annualIncome, spendingScore, profession, workExperience, familySize]) => ({
  customerId: customerId as string,
  gender: gender as string,
  age: age as number,
  annualIncome: annualIncome as number,
  spendingScore: spendingScore as number,
  profession: profession as string,
  workExperience: workExperience as number,
  familySize: familySize as number,
}));

describe('customer repository', () => {
  it('upserts a batch and counts inserted / updated / unchanged', async () => {
    const t = await createTestTenant(db);
    expect(await upsertCustomerBatch(db, t.id, SAMPLE)).toEqual({
      inserted: 5,
      updated: 0,
      unchanged: 0,
      duplicates: 0,
    });
    expect(await upsertCustomerBatch(db, t.id, SAMPLE)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 5,
      duplicates: 0,
    });
    const changed = [{ ...SAMPLE[0], spendingScore: 70 }, SAMPLE[1], { ...SAMPLE[2], customerId: '6' }];
    expect(await upsertCustomerBatch(db, t.id, changed)).toEqual({
      inserted: 1,
      updated: 1,
      unchanged: 1,
      duplicates: 0,
    });
    expect(await countCustomers(db, t.id)).toBe(6);
    const c1 = await getCustomer(db, t.id, '1');
    expect(c1).toMatchObject({
      customerId: '1',
      spendingScore: 70,
      annualIncome: 45000,
      age: 25,
      attributes: {},
    });
    expect(typeof c1?.id).toBe('number');
    expect(await upsertCustomerBatch(db, t.id, [])).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 0,
      duplicates: 0,
    });
  });

  it('keeps nulls and extra attributes, treats attribute changes as updates, last duplicate wins', async () => {
    const t = await createTestTenant(db);
    const row: CustomerInput = {
      customerId: 'x"1,{}',
      gender: null,
      age: null,
      annualIncome: 0,
      spendingScore: null,
      profession: null,
      workExperience: null,
      familySize: null,
      attributes: { city: 'Oslo', vip: true },
    };
    expect(await upsertCustomerBatch(db, t.id, [row])).toMatchObject({ inserted: 1 });
    expect(await getCustomer(db, t.id, row.customerId)).toMatchObject({ ...row });
    expect(await upsertCustomerBatch(db, t.id, [row])).toMatchObject({ unchanged: 1 });
    const r = await upsertCustomerBatch(db, t.id, [row, { ...row, attributes: { city: 'Bergen' } }]);
    expect(r).toEqual({ inserted: 0, updated: 1, unchanged: 0, duplicates: 1 });
    expect((await getCustomer(db, t.id, row.customerId))?.attributes).toEqual({ city: 'Bergen' });
  });

  it('is tenant-scoped', async () => {
    const a = await createTestTenant(db);
    const b = await createTestTenant(db);
    await upsertCustomerBatch(db, a.id, SAMPLE);
    expect(await countCustomers(db, b.id)).toBe(0);
    expect(await getCustomer(db, b.id, '1')).toBeNull();
    expect(await softDeleteCustomer(db, b.id, '1')).toBe(false);
    expect(await upsertCustomerBatch(db, b.id, SAMPLE.slice(0, 2))).toMatchObject({ inserted: 2 });
    expect(await countCustomers(db, a.id)).toBe(5);
  });

  it('soft-deletes, hides deleted rows, and brings them back on re-import as an update', async () => {
    const t = await createTestTenant(db);
    await upsertCustomerBatch(db, t.id, SAMPLE);
    expect(await softDeleteCustomer(db, t.id, '2')).toBe(true);
    expect(await softDeleteCustomer(db, t.id, '2')).toBe(false);
    expect(await countCustomers(db, t.id)).toBe(4);
    expect(await getCustomer(db, t.id, '2')).toBeNull();
    expect((await getCustomer(db, t.id, '2', { includeDeleted: true }))?.deletedAt).toBeInstanceOf(Date);
    expect((await listCustomers(db, t.id)).total).toBe(4);
    expect((await listCustomers(db, t.id, { includeDeleted: true })).total).toBe(5);
    expect(await upsertCustomerBatch(db, t.id, [SAMPLE[1]])).toMatchObject({ updated: 1 });
    expect(await countCustomers(db, t.id)).toBe(5);
  });

  it('lists with filters, whitelisted sorting and pagination', async () => {
    const t = await createTestTenant(db);
    await upsertCustomerBatch(db, t.id, SAMPLE);
    const page = await listCustomers(db, t.id, { sort: 'spendingScore', order: 'desc', limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.items.map((c) => c.customerId)).toEqual(['2', '1']);
    const males = await listCustomers(db, t.id, { gender: 'Male', minAge: 30 });
    expect(males.items.map((c) => c.customerId)).toEqual(['3', '5']);
    expect((await listCustomers(db, t.id, { profession: 'Healthcare', maxAge: 30 })).items).toHaveLength(1);
    await expect(
      listCustomers(db, t.id, { sort: 'customer_id; DROP TABLE customers' as never }),
    ).rejects.toMatchObject({ code: 'INVALID_QUERY' });
    await expect(listCustomers(db, t.id, { limit: 0 })).rejects.toMatchObject({ code: 'INVALID_QUERY' });
  });

  it('streams live customers in customer_id order, in batches, and loads a columnar table', async () => {
    const t = await createTestTenant(db);
    const rows = Array.from({ length: 23 }, (_, i) => ({
      ...SAMPLE[i % 5],
      customerId: String(i).padStart(3, '0'),
    }));
    await upsertCustomerBatch(db, t.id, rows);
    await softDeleteCustomer(db, t.id, '004');
    const batches: string[][] = [];
    for await (const b of streamCustomers(db, t.id, { batchSize: 10 }))
      batches.push(b.map((c) => c.customerId));
    expect(batches.map((b) => b.length)).toEqual([10, 10, 2]);
    const ids = batches.flat();
    expect(ids).toEqual([...ids].sort());
    expect(ids).not.toContain('004');
    const table = await loadCustomerTable(db, t.id, { batchSize: 7 });
    expect(table.length).toBe(22);
    expect(table.customerIds).toEqual(ids);
    expect(table.age).toBeInstanceOf(Float64Array);
    expect(table.age[0]).toBe(25);
    expect(table.annualIncome[1]).toBe(55000);
  });

  it('returns numbers (not strings) for counts and double columns on this driver', async () => {
    const { rows } = await db.query<{ n: number; x: number }>(sql`SELECT count(*) AS n, 1.5::numeric AS x`);
    expect(rows[0]).toEqual({ n: 1, x: 1.5 });
  });
});
