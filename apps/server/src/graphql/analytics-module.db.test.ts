import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPredictions } from '@cohortlens/platform';
import { bearer, createTestApp, type TestApp } from '../testing/create-test-app.js';
import { apiKeyHeaders, tenantWithCustomers, type AnalyticsTenant } from '../testing/analytics-fixtures.js';

let t: TestApp;
let a: AnalyticsTenant;
let b: AnalyticsTenant;
let viewer: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  a = await tenantWithCustomers(t, 'owner@a.example', 150, 'A');
  b = await tenantWithCustomers(t, 'owner@b.example', 20, 'B');
  viewer = await apiKeyHeaders(t, a.token, 'viewer');
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function gql(who: AnalyticsTenant | Record<string, string> | null, query: string, variables?: object) {
  const headers = who === null ? {} : 'token' in who ? bearer(String(who.token)) : who;
  const res = await t.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } });
  return res.json() as {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
    data: Record<string, any> | null;
    errors?: { message: string; extensions: { code: string } }[];
  };
}

const predict = `mutation P($c: CustomerInput!) {
  predictSpending(customer: $c) { predictedSpending confidence lower upper modelVersion }
}`;
const input = { age: 35, annualIncome: 75000, workExperience: 10, familySize: 3, profession: 'Engineer' };

describe('GraphQL analytics fields', () => {
  it('need a credential (AUTH_REQUIRED) and the role (ROLE_REQUIRED in extensions.code)', async () => {
    expect((await gql(null, '{ customers { customerId } }')).errors?.[0].extensions.code).toBe(
      'AUTH_REQUIRED',
    );
    expect((await gql(viewer, predict, { c: input })).errors?.[0].extensions.code).toBe('ROLE_REQUIRED');
  });

  it('predictSpending: MODEL_NOT_TRAINED before training, then a stored single-row prediction', async () => {
    expect((await gql(a, predict, { c: input })).errors?.[0].extensions.code).toBe('MODEL_NOT_TRAINED');
    const train = await t.app.inject({
      method: 'POST',
      url: '/api/v1/models/train',
      headers: bearer(a.token),
      payload: { algorithm: 'linear_regression', folds: 2 },
    });
    expect(train.statusCode).toBe(201);
    const res = await gql(a, predict, { c: input });
    expect(res.errors).toBeUndefined();
    const p = res.data!.predictSpending;
    expect(p.modelVersion).toBe(1);
    expect(p.predictedSpending).toBeGreaterThanOrEqual(0);
    expect(p.predictedSpending).toBeLessThanOrEqual(100);
    expect(['high', 'medium', 'low']).toContain(p.confidence);
    expect(p.lower).toBeLessThanOrEqual(p.upper);
    expect((await listPredictions(t.db, a.tenantId)).length).toBe(1);
    const bad = await gql(a, predict, { c: { ...input, age: 500 } });
    expect(bad.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    // Tenant B has no model: A's does not leak.
    expect((await gql(b, predict, { c: input })).errors?.[0].extensions.code).toBe('MODEL_NOT_TRAINED');
  });

  it('customers, customerById and the connection stay in the tenant', async () => {
    const list = await gql(viewer, '{ customers(limit: 5, offset: 1) { customerId age annualIncome } }');
    expect(list.data!.customers).toHaveLength(5);
    expect(list.data!.customers.every((c: { customerId: string }) => c.customerId.startsWith('A'))).toBe(
      true,
    );
    const q = 'query($id: String!) { customerById(customerId: $id) { customerId profession } }';
    expect((await gql(viewer, q, { id: 'A3' })).data!.customerById.customerId).toBe('A3');
    expect((await gql(viewer, q, { id: 'B3' })).data!.customerById).toBeNull();

    const conn = `query($after: String) { customersConnection(first: 60, after: $after) {
      edges { cursor node { customerId } } pageInfo { hasNextPage endCursor } totalCount } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const page: {
        edges: { node: { customerId: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      } = (await gql(viewer, conn, { after })).data!.customersConnection;
      expect(page.totalCount).toBe(150);
      seen.push(...page.edges.map((e: { node: { customerId: string } }) => e.node.customerId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(150);
    expect(new Set(seen).size).toBe(150);
    expect([...seen].sort()).toEqual(seen);
    expect((await gql(viewer, '{ customers(limit: 5000) { customerId } }')).errors?.[0].extensions.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('list fields cost the same number of queries for 5 or 150 rows (no N+1)', async () => {
    const original = t.db.query.bind(t.db);
    let count = 0;
    t.db.query = ((q: Parameters<typeof original>[0]) => {
      count++;
      return original(q);
    }) as typeof t.db.query;
    try {
      const cost = async (n: number) => {
        count = 0;
        const res = await gql(
          viewer,
          `{ customers(limit: ${n}) { customerId } customersConnection(first: ${n}) { edges { node { customerId } } } }`,
        );
        expect(res.errors).toBeUndefined();
        return count;
      };
      expect(await cost(150)).toBe(await cost(5));
    } finally {
      t.db.query = original;
    }
  });

  it('segmentProfiles (SEGMENTATION_NOT_RUN before a run), segmentRuns and models', async () => {
    expect((await gql(viewer, '{ segmentProfiles { clusterId } }')).errors?.[0].extensions.code).toBe(
      'SEGMENTATION_NOT_RUN',
    );
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/v1/segments/runs',
      headers: bearer(a.token),
      payload: { algorithm: 'kmeans', k: 3 },
    });
    expect(run.statusCode).toBe(201);
    const res = await gql(
      viewer,
      `{ segmentProfiles { clusterId label count share meanAge meanIncome meanSpending }
         segmentRuns { id algorithm k active customerCount }
         models { version algorithm active cvR2 } }`,
    );
    expect(res.errors).toBeUndefined();
    const profiles = res.data!.segmentProfiles;
    expect(profiles).toHaveLength(3);
    expect(profiles.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(150);
    expect(Number.isInteger(profiles[0].meanIncome)).toBe(true);
    expect(res.data!.segmentRuns).toEqual([
      { id: run.json().runId, algorithm: 'kmeans', k: 3, active: true, customerCount: 150 },
    ]);
    expect(res.data!.models).toEqual([
      { version: 1, algorithm: 'linear', active: true, cvR2: expect.any(Number) },
    ]);
    const other = await gql(b, '{ segmentRuns { id } models { version } }');
    expect(other.data).toEqual({ segmentRuns: [], models: [] });
  });
});
