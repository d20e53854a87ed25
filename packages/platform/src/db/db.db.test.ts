// Driver contract: runs on PGlite (npm test) and on PostgreSQL (TEST_DATABASE_URL, npm run test:db).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import type { Db } from './db.js';
import { openPostgres } from './drivers/postgres-driver.js';
import { sql } from './sql.js';
import { createTestDb } from './testing/create-test-db.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await db.exec(
    'CREATE TABLE contract_t (id integer PRIMARY KEY, label text, doc jsonb, n double precision)',
  );
});
afterAll(async () => {
  await db?.close();
});

const labels = async () =>
  (await db.query<{ label: string }>(sql`SELECT label FROM contract_t ORDER BY id`)).rows.map((r) => r.label);

describe(`Db contract`, () => {
  it('binds values as parameters and round-trips json, numbers, nulls and dates', async () => {
    const evil = "'); DROP TABLE contract_t; --";
    await db.query(
      sql`INSERT INTO contract_t VALUES (${1}, ${evil}, ${sql.json([1, { a: [true, null] }])}, ${0.1})`,
    );
    const { rows } = await db.query<{
      label: string;
      doc: unknown;
      n: number;
      big: number;
      now: Date;
      nothing: null;
    }>(
      sql`SELECT label, doc, n, 9007199254740991::bigint AS big, now() AS now, NULL AS nothing FROM contract_t WHERE id = 1`,
    );
    expect(rows[0]).toMatchObject({
      label: evil,
      doc: [1, { a: [true, null] }],
      n: 0.1,
      big: 9007199254740991,
      nothing: null,
    });
    expect(rows[0].now).toBeInstanceOf(Date);
    expect(await labels()).toEqual([evil]);
    await db.query(sql`DELETE FROM contract_t`);
  });

  it('commits a transaction and rolls it back when the callback throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query(sql`INSERT INTO contract_t (id, label) VALUES (10, 'kept')`);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query(sql`INSERT INTO contract_t (id, label) VALUES (11, 'lost')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await labels()).toEqual(['kept']);
  });

  it('nests transactions as savepoints', async () => {
    await db.transaction(async (tx) => {
      await tx.query(sql`INSERT INTO contract_t (id, label) VALUES (20, 'outer')`);
      await expect(
        tx.transaction(async (inner) => {
          await inner.query(sql`INSERT INTO contract_t (id, label) VALUES (21, 'inner')`);
          throw new Error('inner failure');
        }),
      ).rejects.toThrow('inner failure');
      await tx.transaction(async (inner) => {
        await inner.query(sql`INSERT INTO contract_t (id, label) VALUES (22, 'inner ok')`);
      });
    });
    expect(await labels()).toEqual(['kept', 'outer', 'inner ok']);
  });

  it('translates Postgres errors into AppErrors in one place', async () => {
    const dup = await db.query(sql`INSERT INTO contract_t (id) VALUES (10)`).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(AppError);
    expect(dup).toMatchObject({ code: 'DB_CONFLICT', category: 'conflict', details: { sqlState: '23505' } });
    const fk = await db
      .query(
        sql`INSERT INTO segment_assignments (run_id, tenant_id, customer_pk, segment)
                 VALUES (gen_random_uuid(), gen_random_uuid(), 1, 0)`,
      )
      .catch((e: unknown) => e);
    expect(fk).toMatchObject({ code: 'DB_FOREIGN_KEY', category: 'conflict' });
    await expect(db.query(sql`SELECT ${'abc'}::integer`)).rejects.toMatchObject({ code: 'DB_INVALID_VALUE' });
    await expect(db.query(sql`SELECT * FROM no_such_table`)).rejects.toMatchObject({ code: 'DB_ERROR' });
  });

  it('reports an unreachable server as DB_UNAVAILABLE', async () => {
    await expect(
      openPostgres({ url: 'postgres://postgres@127.0.0.1:1/none', ssl: 'disable' }),
    ).rejects.toMatchObject({
      code: 'DB_UNAVAILABLE',
      category: 'unavailable',
    });
  });
});
