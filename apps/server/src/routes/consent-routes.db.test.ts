import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCustomers } from '@cohortlens/platform';
import { bearer, createTestApp, registerOwner, type TestApp } from '../testing/create-test-app.js';
import { seedCustomers, tenantOfToken, userWithRole } from '../testing/seed-tenant-data.js';

let t: TestApp;
let a: string;
let b: string;
let viewerA: string;
let idA: string; // one of tenant A's customer ids
let idB: string; // one of tenant B's customer ids, not in A
beforeAll(async () => {
  t = await createTestApp();
  a = (await registerOwner(t.app, 'owner@consent-a.io', 'Consent A')).access_token;
  b = (await registerOwner(t.app, 'owner@consent-b.io', 'Consent B')).access_token;
  viewerA = await userWithRole(t, a, 'viewer@consent-a.io', 'viewer');
  const ta = await tenantOfToken(t, a);
  const tb = await tenantOfToken(t, b);
  await seedCustomers(t, ta, { rows: 50, seed: 3 });
  await seedCustomers(t, tb, { rows: 50, seed: 4, idPrefix: 'B-' });
  const idsA = new Set((await listCustomers(t.db, ta.id, { limit: 100 })).items.map((c) => c.customerId));
  idA = [...idsA][0];
  idB =
    (await listCustomers(t.db, tb.id, { limit: 100 })).items
      .map((c) => c.customerId)
      .find((id) => !idsA.has(id)) ?? 'missing';
}, 60_000);
afterAll(async () => {
  await t.close();
});

const register = (token: string | null, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/consent/register',
    headers: token ? bearer(token) : {},
    payload,
  });
const read = (token: string | null, customerId: string, query = '') =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/consent/${encodeURIComponent(customerId)}${query}`,
    headers: token ? bearer(token) : {},
  });

describe('consent routes', () => {
  it('require authentication (the original was public)', async () => {
    const res = await register(null, { customer_id: idA, consent_type: 'marketing', granted: true });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
    expect((await read(null, idA)).statusCode).toBe(401);
  });

  it('register (analyst) answers the stored entry; viewers may read but not register', async () => {
    const first = await register(a, { customer_id: idA, consent_type: 'marketing', granted: true });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      success: true,
      consent: { customer_id: idA, consent_type: 'marketing', granted: true },
    });
    expect(Object.keys(first.json().consent).sort()).toEqual([
      'consent_type',
      'created_at',
      'customer_id',
      'granted',
      'id',
    ]);
    await register(a, { customer_id: idA, consent_type: 'analytics', granted: true });
    await register(a, { customer_id: idA, consent_type: 'marketing', granted: false });
    const denied = await register(viewerA, { customer_id: idA, consent_type: 'marketing', granted: true });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('ROLE_REQUIRED');

    const all = await read(viewerA, idA);
    expect(all.statusCode).toBe(200);
    const consents = all.json().consents;
    expect(consents).toHaveLength(3);
    expect(Object.keys(consents[0]).sort()).toEqual(['consent_type', 'created_at', 'granted']);
    const times = consents.map((c: { created_at: string }) => Date.parse(c.created_at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const marketing = (await read(viewerA, idA, '?consent_type=marketing')).json().consents;
    expect(marketing.map((c: { granted: boolean }) => c.granted)).toEqual([false, true]);
  });

  it('bad input: 400 VALIDATION_FAILED for a missing field, CONSENT_TYPE_INVALID for a bad type', async () => {
    const missing = await register(a, { customer_id: idA, granted: true });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
    const badType = await register(a, { customer_id: idA, consent_type: 'Drop Table', granted: true });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.code).toBe('CONSENT_TYPE_INVALID');
  });

  it("tenant isolation: another tenant's customer id is 404 both ways and nothing leaks", async () => {
    const unknown = await register(a, { customer_id: idB, consent_type: 'marketing', granted: true });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    const bReadsA = await read(b, idA);
    expect(bReadsA.statusCode).toBe(404);
    expect(bReadsA.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    expect(bReadsA.body).not.toContain('marketing');
  });

  it('GraphQL consentStatus and registerConsent: same rules, camelCase, extensions.code', async () => {
    const gql = (token: string | null, query: string, variables?: object) =>
      t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: token ? bearer(token) : {},
        payload: { query, variables },
      });
    const mutation =
      'mutation ($c: ConsentInput!) { registerConsent(consent: $c) { customerId consentType granted createdAt } }';
    const ok = await gql(a, mutation, { c: { customerId: idA, consentType: 'data_share', granted: true } });
    expect(ok.json().data.registerConsent).toMatchObject({
      customerId: idA,
      consentType: 'data_share',
      granted: true,
    });
    const viewer = await gql(viewerA, mutation, {
      c: { customerId: idA, consentType: 'data_share', granted: false },
    });
    expect(viewer.json().errors[0].extensions.code).toBe('ROLE_REQUIRED');
    const cross = await gql(b, mutation, {
      c: { customerId: idA, consentType: 'data_share', granted: false },
    });
    expect(cross.json().errors[0].extensions.code).toBe('CUSTOMER_NOT_FOUND');

    const status = await gql(
      viewerA,
      'query ($id: String!) { consentStatus(customerId: $id, consentType: "data_share") { consentType granted createdAt } }',
      { id: idA },
    );
    expect(status.json().data.consentStatus).toEqual([
      { consentType: 'data_share', granted: true, createdAt: expect.any(String) },
    ]);
    const anon = await gql(null, '{ consentStatus(customerId: "x") { granted } }');
    expect(anon.json().errors[0].extensions.code).toBe('AUTH_REQUIRED');
  });
});
