import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.js';
import { listPredictions, type NewPrediction } from '../db/index.js';
import { sql } from '../db/sql.js';
import { createTestDb, createTestTenant } from '../db/testing/index.js';
import { createPredictionWriter } from './prediction-writer.js';

let db: Db;
let tenantA: string;
let tenantB: string;
beforeAll(async () => {
  db = await createTestDb();
  tenantA = (await createTestTenant(db)).id;
  tenantB = (await createTestTenant(db)).id;
});
afterAll(async () => {
  await db.close();
});

const row = (predicted: number): NewPrediction => ({ modelVersion: 1, predicted, features: { predicted } });

describe('createPredictionWriter', () => {
  it('commits concurrent writes of several tenants in few transactions, each resolved after commit', async () => {
    let statements = 0;
    const counting: Db = {
      ...db,
      query: (q) => (statements++, db.query(q)),
      transaction: (fn) => (statements++, db.transaction(fn)),
    } as Db;
    const writer = createPredictionWriter(counting);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => writer.write(i % 2 === 0 ? tenantA : tenantB, [row(i)])),
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => writer.write(tenantA, [row(100 + i)])));
    expect(statements).toBeLessThan(10);
    expect(await listPredictions(db, tenantA, { limit: 1000 })).toHaveLength(30);
    const b = await listPredictions(db, tenantB, { limit: 1000 });
    expect(b.map((p) => p.predicted).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => 2 * i + 1),
    );
  });

  it('a failing request is rejected alone; the rest of its batch is stored', async () => {
    const writer = createPredictionWriter(db);
    const results = await Promise.allSettled([
      writer.write(tenantA, [row(1000)]),
      writer.write('00000000-0000-0000-0000-000000000000', [row(1001)]), // no such tenant: FK fails
      writer.write(tenantA, [row(1002)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const { rows } = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM predictions WHERE predicted >= 1000`,
    );
    expect(rows[0].n).toBe(2);
  });
});
