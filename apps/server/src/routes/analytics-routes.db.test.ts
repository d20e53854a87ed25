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
  a = await tenantWithCustomers(t, 'owner@a.example', 300, 'A');
  b = await tenantWithCustomers(t, 'owner@b.example', 60, 'B');
  viewer = await apiKeyHeaders(t, a.token, 'viewer');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const input = { age: 35, annual_income: 75000, work_experience: 10, family_size: 3, profession: 'Engineer' };
const call = (
  method: 'GET' | 'POST',
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

describe('before training', () => {
  it('predict-spending answers 409 MODEL_NOT_TRAINED with a hint (not 200 with an error key)', async () => {
    const res = await call('POST', '/api/v1/predict-spending', a, input);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('MODEL_NOT_TRAINED');
    expect(res.json().error.details.hint).toMatch(/models\/train/);
  });

  it('segment and profiles answer 404 SEGMENTATION_NOT_RUN', async () => {
    const seg = await call('POST', '/api/v1/segment', a, [
      { Age: 30, 'Annual Income ($)': 50000, 'Spending Score (1-100)': 50 },
    ]);
    expect(seg.statusCode).toBe(404);
    expect(seg.json().error.code).toBe('SEGMENTATION_NOT_RUN');
    const prof = await call('GET', '/api/v1/segments/profiles', a);
    expect(prof.json().error.code).toBe('SEGMENTATION_NOT_RUN');
  });
});

describe('models', () => {
  it('trains a version (analyst+), lists it, activates known versions only', async () => {
    const denied = await call('POST', '/api/v1/models/train', viewer, {});
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('ROLE_REQUIRED');

    const res = await call('POST', '/api/v1/models/train', a, { algorithm: 'linear_regression', folds: 3 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.version).toBe(1);
    expect(body.cv.folds).toBe(3);
    expect(body.rowsUsed).toBeGreaterThan(250);
    expect(body.interval.halfWidth).toBeGreaterThan(0);

    const second = await call('POST', '/api/v1/models/train', a, { algorithm: 'random_forest', folds: 2 });
    expect(second.statusCode).toBe(201);
    expect(second.json().version).toBe(2);

    const list = await call('GET', '/api/v1/models', viewer);
    expect(list.statusCode).toBe(200);
    expect(
      list.json().models.map((m: { version: number; active: boolean }) => [m.version, m.active]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(list.json().models[0].artifact).toBeUndefined();

    expect((await call('POST', '/api/v1/models/99/activate', a)).json().error.code).toBe('MODEL_NOT_FOUND');
    const act = await call('POST', '/api/v1/models/1/activate', a);
    expect(act.statusCode).toBe(200);
    expect(act.json()).toEqual({ version: 1, active: true });
    // Tenant B has no models: A's version is not B's.
    expect((await call('POST', '/api/v1/models/1/activate', b)).statusCode).toBe(404);
  }, 60_000);
});

describe('predict-spending', () => {
  it('predicts ONE row (the original failed on single rows) and stores it with its features', async () => {
    const res = await call('POST', '/api/v1/predict-spending', a, input);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.model_version).toBe(1);
    expect(body.predicted_spending).toBeGreaterThanOrEqual(0);
    expect(body.predicted_spending).toBeLessThanOrEqual(100);
    expect(Math.round(body.predicted_spending * 10) / 10).toBe(body.predicted_spending);
    const { lower, upper, level } = body.prediction_interval;
    expect(lower).toBeLessThanOrEqual(body.predicted_spending);
    expect(upper).toBeGreaterThanOrEqual(body.predicted_spending);
    expect(level).toBeCloseTo(0.9);
    const width = upper - lower;
    expect(body.confidence).toBe(width <= 20 ? 'high' : width <= 40 ? 'medium' : 'low');
    const stored = await listPredictions(t.db, a.tenantId);
    expect(stored[0].features).toMatchObject({ age: 35, annual_income: 75000, profession: 'Engineer' });
    expect(stored[0].modelVersion).toBe(1);
  });

  it('defaults profession to "Other", accepts an unseen profession and a gender', async () => {
    const { profession: _p, ...rest } = input;
    expect((await call('POST', '/api/v1/predict-spending', a, rest)).statusCode).toBe(200);
    const odd = await call('POST', '/api/v1/predict-spending', a, {
      ...input,
      profession: 'Astronaut',
      gender: 'Female',
    });
    expect(odd.statusCode).toBe(200);
  });

  it('answers 400 VALIDATION_FAILED naming the field for bad input', async () => {
    for (const bad of [{ ...input, age: 150 }, { ...input, annual_income: -1 }, { age: 30 }]) {
      const res = await call('POST', '/api/v1/predict-spending', a, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const res = await call('POST', '/api/v1/predict-spending', a, { ...input, age: 150 });
    expect(res.json().error.details.issues[0].path).toBe('age');
  });

  it('viewers may not predict (403), anonymous callers get 401', async () => {
    expect((await call('POST', '/api/v1/predict-spending', viewer, input)).statusCode).toBe(403);
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/predict-spending', payload: input });
    expect(anon.statusCode).toBe(401);
  });

  it('batch: inputs, stored customer ids, and all customers (paged)', async () => {
    const rows = await call('POST', '/api/v1/predict-spending/batch', a, {
      customers: [input, { ...input, age: 60 }],
    });
    expect(rows.statusCode).toBe(200);
    expect(rows.json().count).toBe(2);
    expect(rows.json().predictions[0].customer_id).toBeNull();

    const ids = await call('POST', '/api/v1/predict-spending/batch', a, { customer_ids: ['A1', 'A2'] });
    expect(ids.statusCode).toBe(200);
    expect(ids.json().predictions.map((p: { customer_id: string }) => p.customer_id)).toEqual(['A1', 'A2']);
    const stored = await listPredictions(t.db, a.tenantId, { customerId: 'A2' });
    expect(stored).toHaveLength(1);
    expect(stored[0].customerPk).not.toBeNull();

    const all = await call('POST', '/api/v1/predict-spending/batch', a, { all: true });
    expect(all.statusCode).toBe(200);
    expect(all.json().count).toBe(300);
    expect(all.json().next_after).toBeNull();

    expect((await call('POST', '/api/v1/predict-spending/batch', a, { customers: [] })).statusCode).toBe(400);
  });

  it("batch with another tenant's customer id → 404 CUSTOMER_NOT_FOUND, nothing stored", async () => {
    const before = (await listPredictions(t.db, a.tenantId, { limit: 10_000 })).length;
    const res = await call('POST', '/api/v1/predict-spending/batch', a, { customer_ids: ['A1', 'B1'] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    expect(res.json().error.details.missing).toEqual(['B1']);
    expect((await listPredictions(t.db, a.tenantId, { limit: 10_000 })).length).toBe(before);
    expect(await listPredictions(t.db, b.tenantId)).toEqual([]);
  });
});

describe('explain', () => {
  const qs = 'age=35&annual_income=75000&work_experience=10&family_size=3&profession=Engineer';

  it('SHAP explanation of query-string input: contributions add up to the prediction', async () => {
    const res = await call('GET', `/api/v1/predict-spending/explain?${qs}`, a);
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e.method).toBe('shap');
    expect(e.model_version).toBe(1);
    expect(e.contributions.map((c: { feature: string }) => c.feature).sort()).toEqual(
      ['age', 'annual_income', 'family_size', 'profession', 'work_experience'].sort(),
    );
    const sum = e.contributions.reduce(
      (s: number, c: { contribution: number }) => s + c.contribution,
      e.base_value,
    );
    expect(sum).toBeCloseTo(e.prediction, 6);
    expect(e.contributions.some((c: { contribution: number }) => Math.abs(c.contribution) > 1e-6)).toBe(true);
  });

  it('LIME on request, 400 for a bad method or a missing field', async () => {
    expect((await call('GET', `/api/v1/predict-spending/explain?${qs}&method=lime`, a)).json().method).toBe(
      'lime',
    );
    expect((await call('GET', `/api/v1/predict-spending/explain?${qs}&method=x`, a)).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/predict-spending/explain?age=3', a)).statusCode).toBe(400);
  });

  it("explains a stored customer; unknown and other tenants' ids → 404 CUSTOMER_NOT_FOUND", async () => {
    const ok = await call('GET', '/api/v1/predict-spending/A5/explain', a);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().contributions.length).toBe(5);
    for (const id of ['nope', 'B5']) {
      const res = await call('GET', `/api/v1/predict-spending/${id}/explain`, a);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    }
  });
});

describe('segmentation', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({
    CustomerID: i,
    Age: 20 + i * 5,
    'Annual Income ($)': 20000 + i * 15000,
    'Spending Score (1-100)': 10 + i * 9,
  }));

  let runId = '';
  it('runs a k-means segmentation (201) and assigns rows in input order from its artifact', async () => {
    const run = await call('POST', '/api/v1/segments/runs', a, { algorithm: 'kmeans', k: 3 });
    expect(run.statusCode).toBe(201);
    runId = run.json().runId;
    expect(run.json().k).toBe(3);
    expect(Object.values(run.json().sizes as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(300);

    const res = await call('POST', '/api/v1/segment', a, rows);
    expect(res.statusCode).toBe(200);
    const { clusters } = res.json();
    expect(clusters).toHaveLength(10);
    for (const c of clusters) expect([0, 1, 2]).toContain(c);
    // snake_case keys give the same answer; order is kept (reversed input → reversed output).
    const snake = rows.map((r) => ({
      age: r.Age,
      annual_income: r['Annual Income ($)'],
      spending_score: r['Spending Score (1-100)'],
    }));
    const rev = await call('POST', '/api/v1/segment', a, [...snake].reverse());
    expect(rev.json().clusters).toEqual([...clusters].reverse());
  });

  it('400 SEGMENT_COLUMN_MISSING names the missing column; 400 for non-numbers and non-arrays', async () => {
    const res = await call('POST', '/api/v1/segment', a, [{ Age: 30, 'Annual Income ($)': 1000 }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SEGMENT_COLUMN_MISSING');
    expect(res.json().error.message).toBe('Missing column: Spending Score (1-100)');
    const nan = await call('POST', '/api/v1/segment', a, [{ ...rows[0], Age: 'old' }]);
    expect(nan.json().error.code).toBe('SEGMENT_VALUE_INVALID');
    expect((await call('POST', '/api/v1/segment', a, { Age: 1 })).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('profiles, run list and run detail; another tenant sees none of them', async () => {
    const prof = await call('GET', '/api/v1/segments/profiles', viewer);
    expect(prof.statusCode).toBe(200);
    expect(prof.json().runId).toBe(runId);
    expect(prof.json().profiles).toHaveLength(3);
    expect(Object.keys(prof.json().labels)).toHaveLength(3);
    expect(prof.json().profiles[0].means.age).toBeGreaterThan(0);
    expect(prof.json().recommendations.length).toBeGreaterThan(0);

    const list = await call('GET', '/api/v1/segments/runs', viewer);
    expect(list.json().runs.map((r: { id: string }) => r.id)).toEqual([runId]);
    const one = await call('GET', `/api/v1/segments/runs/${runId}`, viewer);
    expect(one.statusCode).toBe(200);
    expect(one.json().customerCount).toBe(300);

    const other = await call('GET', `/api/v1/segments/runs/${runId}`, b);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('SEGMENTATION_RUN_NOT_FOUND');
    expect((await call('GET', '/api/v1/segments/runs/not-a-uuid', a)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/segments/runs', b)).json().runs).toEqual([]);
    expect((await call('POST', '/api/v1/segment', b, rows)).statusCode).toBe(404);
  });

  it('DBSCAN: a new run becomes active and its predict gives -1 for a far outlier', async () => {
    const run = await call('POST', '/api/v1/segments/runs', a, { algorithm: 'dbscan' });
    expect(run.statusCode).toBe(201);
    const outlier = { Age: 119, 'Annual Income ($)': 9e8, 'Spending Score (1-100)': 100 };
    const res = await call('POST', '/api/v1/segment', a, [outlier]);
    expect(res.statusCode).toBe(200);
    expect(res.json().clusters).toEqual([-1]);
  });
});
