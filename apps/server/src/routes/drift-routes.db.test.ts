import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, registerOwner, type TestApp } from '../testing/create-test-app.js';
import { demoCsv, seedCustomers, tenantOfToken, userWithRole } from '../testing/seed-tenant-data.js';

let t: TestApp;
let a: string; // tenant A owner
let b: string; // tenant B owner
let viewerA: string;
let storedA: number;
beforeAll(async () => {
  t = await createTestApp();
  a = (await registerOwner(t.app, 'owner@drift-a.io', 'Drift A')).access_token;
  b = (await registerOwner(t.app, 'owner@drift-b.io', 'Drift B')).access_token;
  viewerA = await userWithRole(t, a, 'viewer@drift-a.io', 'viewer');
  storedA = await seedCustomers(t, await tenantOfToken(t, a), { rows: 300, seed: 1 });
  await seedCustomers(t, await tenantOfToken(t, b), { rows: 200, seed: 2 });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
const post = (url: string, token: string, payload?: string, type = 'text/csv') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...bearer(token), ...(payload !== undefined ? { 'content-type': type } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });

const FEATURE_KEYS = [
  'drift',
  'effect_size',
  'effect_size_name',
  'p_value',
  'psi',
  'psi_alert',
  'psi_band',
  'statistic',
  'test',
  'threshold',
];

describe('drift routes', () => {
  it('GET /drift without a baseline is a 404 DRIFT_BASELINE_MISSING, not a 200', async () => {
    const res = await get('/api/v1/drift', a);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DRIFT_BASELINE_MISSING');
  });

  it('POST /drift with no baseline compares the upload with the stored customers', async () => {
    const res = await post('/api/v1/drift', a, await demoCsv(150, 9));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reference).toEqual({ kind: 'customers', row_count: storedA });
    expect(body.rows_used + body.rows_rejected).toBe(150);
    expect(Object.keys(body.features)).not.toContain('customer_id');
    expect(Object.keys(body.features)).toContain('age');
    expect(Object.keys(body.features.age).sort()).toEqual(FEATURE_KEYS);
    expect(typeof body.drift_share).toBe('number');
    expect(typeof body.dataset_drift).toBe('boolean');
  });

  it('save-baseline (analyst) then GET /drift (viewer) answers per-feature tests', async () => {
    expect((await post('/api/v1/drift/save-baseline', viewerA)).json().error.code).toBe('ROLE_REQUIRED');
    const saved = await post('/api/v1/drift/save-baseline', a);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'ok', baseline: { row_count: storedA } });
    expect(Object.keys(saved.json().baseline).sort()).toEqual(['created_at', 'id', 'row_count']);

    const res = await get('/api/v1/drift', viewerA);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.baseline.id).toBe(saved.json().baseline.id);
    // Same data as the baseline: nothing drifts.
    expect(body.dataset_drift).toBe(false);
    expect(body.number_of_drifted_columns).toBe(0);
    for (const f of Object.values(body.features) as { drift: boolean; test: string }[]) {
      expect(f.drift).toBe(false);
      expect(f.test).toMatch(/^(ks|chisquare|z|wasserstein|jensenshannon)$/);
    }
  });

  it('POST /drift compares a shifted upload with the baseline', async () => {
    const csv = await demoCsv(300, 5);
    // Age + 25 for every row: the age column must drift.
    const lines = csv.trim().split('\n');
    const header = lines[0].split(',');
    const ageAt = header.indexOf('Age');
    const shifted = [
      lines[0],
      ...lines.slice(1).map((l) => {
        const cells = l.split(',');
        cells[ageAt] = String(Math.min(99, Number(cells[ageAt]) + 25));
        return cells.join(',');
      }),
    ].join('\n');
    const res = await post('/api/v1/drift', a, shifted);
    expect(res.statusCode).toBe(200);
    expect(res.json().reference.kind).toBe('baseline');
    expect(res.json().features.age.drift).toBe(true);
  });

  it('POST /drift: viewer 403, JSON body 400, XML 415, garbage CSV 400', async () => {
    expect((await post('/api/v1/drift', viewerA, 'a,b\n1,2')).statusCode).toBe(403);
    const json = await post('/api/v1/drift', a, '{"x":1}', 'application/json');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('VALIDATION_FAILED');
    expect((await post('/api/v1/drift', a, '<x/>', 'application/xml')).statusCode).toBe(415);
    const bad = await post('/api/v1/drift', a, 'foo,bar\n1,2\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toMatch(/^IMPORT_/);
  });

  it('GET /drift/history lists the checks newest first; tenant B sees none of them', async () => {
    const res = await get('/api/v1/drift/history', viewerA);
    expect(res.statusCode).toBe(200);
    const checks = res.json().checks;
    expect(checks.length).toBe(3);
    expect(checks.map((c: { source: string }) => c.source)).toEqual(['upload', 'customers', 'upload']);
    expect(typeof checks[0].drift_detected).toBe('boolean');
    expect((await get('/api/v1/drift/history', b)).json().checks).toEqual([]);
    const bDrift = await get('/api/v1/drift', b);
    expect(bDrift.json().error.code).toBe('DRIFT_BASELINE_MISSING');
  });

  it('unauthenticated calls are 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/drift' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('GraphQL dataDrift: camelCase report; missing baseline carries extensions.code', async () => {
    const query =
      '{ dataDrift { driftDetected driftShare numFeaturesChecked numFeaturesDrifted features { featureName test statistic pValue effectSize driftDetected } } }';
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: bearer(viewerA),
      payload: { query },
    });
    const data = res.json().data.dataDrift;
    expect(data.driftDetected).toBe(false);
    expect(data.numFeaturesChecked).toBe(data.features.length);
    expect(data.features.map((f: { featureName: string }) => f.featureName)).toContain('age');
    const none = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: bearer(b),
      payload: { query },
    });
    expect(none.json().errors[0].extensions.code).toBe('DRIFT_BASELINE_MISSING');
    const anon = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    expect(anon.json().errors[0].extensions.code).toBe('AUTH_REQUIRED');
  });
});
