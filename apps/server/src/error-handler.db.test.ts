import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@cohortlens/platform';
import { z } from 'zod';
import { buildApp } from './build-app.js';
import { errorResponses } from './http/error-response.js';
import { ROUTE_GROUPS } from './routes/index.js';
import { defineRouteGroup, securityFor, type ApiApp } from './routes/route-group.js';
import { createTestApp, type TestApp } from './testing/create-test-app.js';

// A route group that fails in every way an engineer's future group might.
const failing = defineRouteGroup({
  tag: 'test',
  description: 'failures',
  register(app) {
    const opts = {
      config: { auth: 'public' as const },
      schema: { summary: 'x', security: securityFor('public'), response: errorResponses('public', false) },
    };
    app.get('/fail/plain', opts, async () => {
      throw new Error('SELECT password_hash FROM users WHERE 1 = 1 -- secret');
    });
    app.get('/fail/db', opts, async () => {
      throw new AppError('DB_UNAVAILABLE', 'unavailable', 'The database is unavailable.', {
        details: { sqlState: '08006', constraint: 'users_email_key' },
      });
    });
    app.get('/fail/internal', opts, async () => {
      throw new AppError('DB_ERROR', 'internal', 'relation "users" does not exist');
    });
    app.get(
      '/fail/undeclared',
      { schema: { summary: 'x', response: { 200: z.object({ ok: z.boolean() }) } } },
      async () => ({ ok: true }),
    );
  },
});

let t: TestApp;
let app: ApiApp;
beforeAll(async () => {
  t = await createTestApp();
  app = await buildApp(t.deps, { routeGroups: [...ROUTE_GROUPS, failing] });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('error handler', () => {
  it('answers unknown errors with an opaque 500 and the request id, never the message or stack', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/fail/plain' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Internal server error.' },
      requestId: res.headers['x-request-id'],
    });
    expect(res.body).not.toMatch(/SELECT|secret|at /);
  });

  it('maps categories to statuses and drops database details', async () => {
    const db = await app.inject({ method: 'GET', url: '/api/v1/fail/db' });
    expect(db.statusCode).toBe(503);
    expect(db.json().error).toEqual({ code: 'DB_UNAVAILABLE', message: 'The database is unavailable.' });
    const internal = await app.inject({ method: 'GET', url: '/api/v1/fail/internal' });
    expect(internal.statusCode).toBe(500);
    expect(internal.body).not.toContain('relation');
  });

  it('fails closed for a route without an auth declaration', async () => {
    expect(
      app.registeredRoutes.filter((r) => r.auth === undefined).map((r) => `${r.method} ${r.url}`),
    ).toEqual(['GET /api/v1/fail/undeclared', 'HEAD /api/v1/fail/undeclared']);
    const res = await app.inject({ method: 'GET', url: '/api/v1/fail/undeclared' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL_ERROR');
  });
});
