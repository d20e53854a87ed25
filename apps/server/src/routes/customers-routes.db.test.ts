import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCustomer, listPredictions, sql } from '@cohortlens/platform';
import { bearer, createTestApp, type TestApp } from '../testing/create-test-app.js';
import {
  apiKeyHeaders,
  customersCsv,
  tenantWithCustomers,
  type AnalyticsTenant,
} from '../testing/analytics-fixtures.js';

let t: TestApp;
let a: AnalyticsTenant;
let b: AnalyticsTenant;
let analyst: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  a = await tenantWithCustomers(t, 'owner@a.example', 120, 'A');
  b = await tenantWithCustomers(t, 'owner@b.example', 30, 'B');
  analyst = await apiKeyHeaders(t, a.token, 'analyst');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  who: AnalyticsTenant | Record<string, string>,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url,
    headers: 'token' in who ? bearer(String(who.token)) : who,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('list and get', () => {
  it('pages, filters and sorts within the tenant', async () => {
    const page = await call('GET', '/api/v1/customers?limit=10&offset=5', a);
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(120);
    expect(page.json().customers).toHaveLength(10);
    expect(page.json().customers[0].customerId.startsWith('A')).toBe(true);
    expect(page.json().customers[0].id).toBeUndefined();
    expect(page.json().customers[0].tenantId).toBeUndefined();

    const old = await call('GET', '/api/v1/customers?minAge=50&sort=age&order=desc&limit=1000', a);
    const ages = old.json().customers.map((c: { age: number }) => c.age);
    expect(ages.every((x: number) => x >= 50)).toBe(true);
    expect([...ages].sort((x, y) => y - x)).toEqual(ages);

    const prefix = await call('GET', '/api/v1/customers?customerIdPrefix=A1', a);
    expect(prefix.json().customers.every((c: { customerId: string }) => c.customerId.startsWith('A1'))).toBe(
      true,
    );
    expect((await call('GET', '/api/v1/customers?customerIdPrefix=B', a)).json().total).toBe(0);

    const bad = await call('GET', '/api/v1/customers?sort=password', a);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it("gets one customer with its segment; another tenant's id is 404 CUSTOMER_NOT_FOUND", async () => {
    const one = await call('GET', '/api/v1/customers/A7', a);
    expect(one.statusCode).toBe(200);
    expect(one.json().customer.customerId).toBe('A7');
    expect(one.json().segment).toBeNull();
    for (const id of ['B7', 'missing']) {
      const res = await call('GET', `/api/v1/customers/${id}`, a);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    }
  });
});

describe('create and update', () => {
  it('creates (201), refuses a taken id (409) and bad values (400)', async () => {
    const body = {
      customerId: 'NEW-1',
      age: 40,
      annualIncome: 50000,
      profession: 'Artist',
      gender: 'Female',
    };
    const res = await call('POST', '/api/v1/customers', analyst, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().customer).toMatchObject({ ...body, spendingScore: null });
    const again = await call('POST', '/api/v1/customers', analyst, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CUSTOMER_EXISTS');
    const bad = await call('POST', '/api/v1/customers', analyst, { customerId: 'X', age: 130 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('age');
    // The same id in another tenant is a different customer.
    expect((await call('POST', '/api/v1/customers', b, body)).statusCode).toBe(201);
  });

  it('patches only the fields sent; unknown id 404; empty patch 400', async () => {
    const res = await call('PATCH', '/api/v1/customers/NEW-1', analyst, { age: 41, profession: null });
    expect(res.statusCode).toBe(200);
    expect(res.json().customer).toMatchObject({ age: 41, profession: null, annualIncome: 50000 });
    expect((await call('PATCH', '/api/v1/customers/B3', a, { age: 41 })).json().error.code).toBe(
      'CUSTOMER_NOT_FOUND',
    );
    expect((await call('PATCH', '/api/v1/customers/NEW-1', a, {})).statusCode).toBe(400);
  });

  it('429 PLAN_CUSTOMER_LIMIT once the basic plan (1,000 customers) is full', async () => {
    const full = await tenantWithCustomers(t, 'owner@full.example', 1000, 'F');
    const res = await call('POST', '/api/v1/customers', full, { customerId: 'F-extra' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('PLAN_CUSTOMER_LIMIT');
    expect(res.json().error.details).toMatchObject({ limit: 1000, current: 1000 });
  }, 30_000);
});

describe('erasure', () => {
  it('deletes the row with its predictions and segment assignments (admin only)', async () => {
    expect(
      (await call('POST', '/api/v1/models/train', a, { algorithm: 'linear_regression', folds: 2 }))
        .statusCode,
    ).toBe(201);
    expect((await call('POST', '/api/v1/segments/runs', a, { algorithm: 'kmeans', k: 2 })).statusCode).toBe(
      201,
    );
    expect(
      (await call('POST', '/api/v1/predict-spending/batch', a, { customer_ids: ['A3', 'A4'] })).statusCode,
    ).toBe(200);
    const seg = await call('GET', '/api/v1/customers/A3', a);
    expect([0, 1]).toContain(seg.json().segment);

    expect((await call('DELETE', '/api/v1/customers/A3', analyst)).statusCode).toBe(403);
    expect((await call('DELETE', '/api/v1/customers/B3', a)).statusCode).toBe(404);

    const res = await call('DELETE', '/api/v1/customers/A3', a);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ customerId: 'A3', predictionsDeleted: 1, assignmentsDeleted: 1 });
    expect(await listPredictions(t.db, a.tenantId, { customerId: 'A3' })).toEqual([]);
    expect(await listPredictions(t.db, a.tenantId, { customerId: 'A4' })).toHaveLength(1);
    expect(await getCustomer(t.db, a.tenantId, 'A3', { includeDeleted: true })).toBeNull();
    const { rows } = await t.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM segment_assignments a JOIN customers c ON c.id = a.customer_pk
          WHERE a.tenant_id = ${a.tenantId} AND c.customer_id = 'A3'`,
    );
    expect(rows[0].n).toBe(0);
    expect((await call('GET', '/api/v1/customers/A3', a)).statusCode).toBe(404);
    expect((await call('DELETE', '/api/v1/customers/A3', a)).statusCode).toBe(404);
    // Tenant B's customer B3 is untouched.
    expect((await call('GET', '/api/v1/customers/B3', b)).statusCode).toBe(200);
  }, 30_000);
});

describe('CSV import and export', () => {
  it('imports a text/csv body and reports the counts', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers/import',
      headers: { ...bearer(b.token), 'content-type': 'text/csv' },
      payload: customersCsv(50, 'B'),
    });
    expect(res.statusCode).toBe(200);
    // 30 already there (same generator, same seed), 20 new.
    expect(res.json()).toMatchObject({ inserted: 20, updated: 0, unchanged: 30, rejected: 0 });
  });

  it('refuses other content types (415) and bodies over the limit (413), writing nothing', async () => {
    const json = await call('POST', '/api/v1/customers/import', b, [{ a: 1 }]);
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = customersCsv(30_000, 'Z');
    expect(big.length).toBeGreaterThan(t.deps.config.server.bodyLimit);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers/import',
      headers: { ...bearer(b.token), 'content-type': 'text/csv' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
    expect((await call('GET', '/api/v1/customers?customerIdPrefix=Z', b)).json().total).toBe(0);
  }, 30_000);

  it("exports the tenant's customers as CSV that re-imports unchanged", async () => {
    const res = await call('GET', '/api/v1/customers/export', b);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'CustomerID,Gender,Age,Annual Income ($),Profession,Work Experience,Family Size,Spending Score (1-100)',
    );
    expect(lines).toHaveLength(1 + 51);
    expect(lines.slice(1).every((l) => l.startsWith('B') || l.startsWith('NEW-1'))).toBe(true);
    const back = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers/import',
      headers: { ...bearer(b.token), 'content-type': 'text/csv' },
      payload: res.body,
    });
    expect(back.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 51 });
  });
});
