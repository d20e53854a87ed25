import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@cohortlens/platform';
import { API_PREFIX } from './build-app.js';
import { GRAPHQL_MAX_DEPTH } from './graphql/register-graphql.js';
import { bearer, createTestApp, registerOwner, type TestApp } from './testing/create-test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const apiRoutes = () =>
  t.app.registeredRoutes.filter((r) => r.url.startsWith(API_PREFIX) && r.method !== 'HEAD');

describe('route declarations', () => {
  it('every route declares auth: public or a role', () => {
    const undeclared = t.app.registeredRoutes.filter((r) => r.auth === undefined);
    expect(undeclared).toEqual([]);
    for (const r of apiRoutes()) expect(['public', ...ROLES]).toContain(r.auth);
    // Public REST routes are exactly these; anything else must name a role.
    expect(
      apiRoutes()
        .filter((r) => r.auth === 'public')
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([
      'GET /api/v1/health',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/register',
      'POST /api/v1/token',
      'POST /api/v1/token/refresh',
    ]);
  });
});

describe('OpenAPI', () => {
  it('/openapi.json is OpenAPI 3.1 and documents every REST route with tags, responses, errors and security', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'bearerAuth']);
    expect(doc.components.schemas.Error).toBeDefined();
    const problems: string[] = [];
    for (const r of apiRoutes()) {
      const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths?.[path]?.[r.method.toLowerCase()];
      if (op === undefined) {
        problems.push(`${r.method} ${path}: missing`);
        continue;
      }
      const statuses = Object.keys(op.responses ?? {});
      if (!statuses.some((s) => s.startsWith('2'))) problems.push(`${r.method} ${path}: no success response`);
      if (!statuses.includes('500')) problems.push(`${r.method} ${path}: no error responses`);
      if (!op.tags?.length) problems.push(`${r.method} ${path}: no tag`);
      if (!op.summary) problems.push(`${r.method} ${path}: no summary`);
      if (r.auth !== 'public') {
        if (!statuses.includes('401') || !statuses.includes('403'))
          problems.push(`${r.method} ${path}: no 401/403`);
        if (JSON.stringify(op.security) !== JSON.stringify([{ bearerAuth: [] }, { apiKey: [] }]))
          problems.push(`${r.method} ${path}: no security`);
      }
      if (['POST', 'PATCH', 'PUT'].includes(r.method) && op.requestBody === undefined)
        problems.push(`${r.method} ${path}: no request body`);
    }
    expect(problems).toEqual([]);
    const token = doc.paths['/api/v1/token'].post;
    expect(Object.keys(token.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
  });

  it('serves the interactive docs locally at /docs', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toMatch(/https?:\/\/(unpkg|cdn)/);
    const asset = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(asset.statusCode).toBe(200);
  });
});

describe('GraphQL', () => {
  const gql = (query: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });

  it('health is public; me needs a credential and reports AUTH_REQUIRED in extensions.code', async () => {
    expect((await gql('{ health }')).json()).toEqual({ data: { health: 'ok' } });
    const anon = (await gql('{ me { role } }')).json();
    expect(anon.data).toBeNull();
    expect(anon.errors[0].extensions.code).toBe('AUTH_REQUIRED');
    const bad = (await gql('{ me { role } }', bearer('not.a.jwt'))).json();
    expect(bad.errors[0].extensions.code).toBe('TOKEN_INVALID');
  });

  it('me works with a Bearer token and with an API key', async () => {
    const owner = await registerOwner(t.app, 'owner@graph.io', 'Graph Co');
    const me = (
      await gql('{ me { kind role tenant { name } user { email role } } }', bearer(owner.access_token))
    ).json();
    expect(me).toEqual({
      data: {
        me: {
          kind: 'user',
          role: 'owner',
          tenant: { name: 'Graph Co' },
          user: { email: 'owner@graph.io', role: 'owner' },
        },
      },
    });
    const key = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: bearer(owner.access_token),
        payload: { role: 'viewer' },
      })
    ).json().secret;
    const viaKey = (await gql('{ me { kind role user { email } } }', { 'x-api-key': key })).json();
    expect(viaKey).toEqual({ data: { me: { kind: 'api_key', role: 'viewer', user: null } } });
  });

  it(`rejects queries deeper than ${GRAPHQL_MAX_DEPTH}`, async () => {
    // Nested introspection is the simplest deep query the schema allows.
    let inner = 'name';
    for (let i = 0; i < GRAPHQL_MAX_DEPTH + 1; i += 1) inner = `ofType { ${inner} }`;
    const res = await gql(`{ __type(name: "Me") { fields { type { ${inner} } } } }`);
    const body = res.json();
    expect(res.statusCode).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_DEEP');
    const syntax = (await gql('{ me { ')).json();
    expect(syntax.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
