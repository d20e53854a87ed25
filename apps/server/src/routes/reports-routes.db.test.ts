import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, registerOwner, type TestApp } from '../testing/create-test-app.js';
import { seedCustomers, tenantOfToken, userWithRole } from '../testing/seed-tenant-data.js';
import { REPORT_HTML_CSP } from './reports-routes.js';

let t: TestApp;
let a: string;
let b: string;
let viewerA: string;
beforeAll(async () => {
  // A fixed k and few folds keep each generated report to a fraction of a second.
  t = await createTestApp({
    COHORTLENS_MODELS__SEGMENTATION__N_CLUSTERS: '3',
    COHORTLENS_MODELS__SEGMENTATION__N_INIT: '2',
    COHORTLENS_MODELS__PREDICTION__CV_FOLDS: '3',
  });
  a = (await registerOwner(t.app, 'owner@reports-a.io', 'Reports A')).access_token;
  b = (await registerOwner(t.app, 'owner@reports-b.io', 'Reports B')).access_token;
  viewerA = await userWithRole(t, a, 'viewer@reports-a.io', 'viewer');
  await seedCustomers(t, await tenantOfToken(t, a), { rows: 250, seed: 6 });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const generate = (token: string, payload?: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/reports/generate',
    headers: bearer(token),
    ...(payload ? { payload } : {}),
  });
const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

let htmlId = '';
let pdfId = '';

describe('reports routes', () => {
  it('generates an HTML report (default format) stored in the database, self-contained', async () => {
    const res = await generate(a, { metrics: ['r2', 'mae'], figures: ['clusters', 'correlation'] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['download_url', 'format', 'report_id', 'status']);
    expect(body).toMatchObject({ status: 'ok', format: 'html' });
    expect(body.download_url).toBe(`/api/v1/reports/${body.report_id}/download`);
    htmlId = body.report_id;

    const file = await get(body.download_url, viewerA);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="cohortlens-report-.*\.html"$/,
    );
    expect(file.headers['content-security-policy']).toBe(REPORT_HTML_CSP);
    expect(file.body).toContain('<svg');
    // No external resource: no src/href/url() pointing at another origin.
    expect(file.body).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(file.body).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(file.body).not.toMatch(/<script/i);
  }, 60_000);

  it('format pdf really produces a PDF', async () => {
    const res = await generate(a, { format: 'pdf', figures: ['clusters'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().format).toBe('pdf');
    pdfId = res.json().report_id;
    const file = await get(res.json().download_url, a);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/\.pdf"$/);
    expect(file.headers['content-security-policy']).toBeUndefined();
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.rawPayload.length).toBeGreaterThan(1000);
  }, 60_000);

  it('unknown metric, figure or format is a 400 before any analysis', async () => {
    const metric = await generate(a, { metrics: ['accuracy'] });
    expect(metric.statusCode).toBe(400);
    expect(metric.json().error.code).toBe('REPORT_UNKNOWN_METRIC');
    const figure = await generate(a, { figures: ['gender'] });
    expect(figure.json().error.code).toBe('REPORT_UNKNOWN_FIGURE');
    const format = await generate(a, { format: 'docx' });
    expect(format.statusCode).toBe(400);
    expect(format.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('roles: viewers list and download but cannot generate or delete', async () => {
    const gen = await generate(viewerA, {});
    expect(gen.statusCode).toBe(403);
    expect(gen.json().error.code).toBe('ROLE_REQUIRED');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/reports/${htmlId}`,
      headers: bearer(viewerA),
    });
    expect(del.json().error.code).toBe('ROLE_REQUIRED');
    const list = await get('/api/v1/reports', viewerA);
    expect(list.statusCode).toBe(200);
    const reports = list.json().reports;
    expect(reports.map((r: { id: string }) => r.id)).toEqual([pdfId, htmlId]);
    expect(reports[1]).toMatchObject({
      format: 'html',
      metrics: ['mae', 'r2'],
      figures: ['clusters', 'correlation'],
    });
    expect(reports[1].size_bytes).toBeGreaterThan(0);
  });

  it("tenant isolation: tenant B cannot list, download or delete A's reports; no customers is a 400", async () => {
    expect((await get('/api/v1/reports', b)).json().reports).toEqual([]);
    const dl = await get(`/api/v1/reports/${htmlId}/download`, b);
    expect(dl.statusCode).toBe(404);
    expect(dl.json().error.code).toBe('REPORT_NOT_FOUND');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/reports/${htmlId}`,
      headers: bearer(b),
    });
    expect(del.statusCode).toBe(404);
    expect((await get(`/api/v1/reports/not-a-uuid/download`, a)).statusCode).toBe(404);
    const none = await generate(b, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('NO_CUSTOMERS');
  });

  it('DELETE removes the report (204), then 404', async () => {
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/reports/${pdfId}`, headers: bearer(a) });
    expect(del.statusCode).toBe(204);
    expect((await get(`/api/v1/reports/${pdfId}/download`, a)).statusCode).toBe(404);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/reports/${pdfId}`,
      headers: bearer(a),
    });
    expect(again.json().error.code).toBe('REPORT_NOT_FOUND');
  });

  it('GraphQL generateReport and reports: camelCase, same roles', async () => {
    const gql = (token: string, query: string) =>
      t.app.inject({ method: 'POST', url: '/graphql', headers: bearer(token), payload: { query } });
    const made = await gql(
      a,
      'mutation { generateReport(figures: ["savings"], format: pdf) { status reportId format downloadUrl } }',
    );
    const r = made.json().data.generateReport;
    expect(r).toMatchObject({ status: 'ok', format: 'pdf' });
    expect(r.downloadUrl).toBe(`/api/v1/reports/${r.reportId}/download`);
    const bad = await gql(a, 'mutation { generateReport(metrics: ["nope"]) { reportId } }');
    expect(bad.json().errors[0].extensions.code).toBe('REPORT_UNKNOWN_METRIC');
    const viewer = await gql(viewerA, 'mutation { generateReport { reportId } }');
    expect(viewer.json().errors[0].extensions.code).toBe('ROLE_REQUIRED');
    const list = await gql(viewerA, '{ reports { id format sizeBytes createdAt downloadUrl } }');
    expect(list.json().data.reports.map((x: { id: string }) => x.id)).toEqual([r.reportId, htmlId]);
    expect((await gql(b, '{ reports { id } }')).json().data.reports).toEqual([]);
  }, 60_000);
});
