import { signAccessToken } from '@cohortlens/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  TEST_JWT_SECRET,
  bearer,
  createTestApp,
  registerOwner,
  type TestApp,
} from './testing/create-test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ username, password }).toString(),
    remoteAddress: ip,
  });

const expectError = (res: { statusCode: number; json: () => unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string }; requestId: string };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
};

describe('health and errors', () => {
  it('GET /api/v1/health is public and reports the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      service: 'cohortlens',
      version: expect.any(String),
      database: 'connected',
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('unknown routes answer 404 ROUTE_NOT_FOUND; bad JSON 400 INVALID_JSON; bad fields 400 VALIDATION_FAILED', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/nope' }), 404, 'ROUTE_NOT_FOUND');
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      }),
      400,
      'INVALID_JSON',
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'not-an-email', password: PASSWORD },
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    const paths = (res.json().error.details.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['email', 'tenant_name']);
  });

  it('protected routes without a credential answer 401 AUTH_REQUIRED with WWW-Authenticate', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expectError(res, 401, 'AUTH_REQUIRED');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } }),
      401,
      'AUTH_HEADER_INVALID',
    );
  });
});

describe('accounts', () => {
  it('register → token → me', async () => {
    const reg = await registerOwner(t.app, 'owner@alpha.io', 'Alpha Ltd');
    expect(reg).toMatchObject({ token_type: 'bearer', expires_in: 900 });
    const res = await login('OWNER@alpha.io', PASSWORD);
    expect(res.statusCode).toBe(200);
    const tokens = res.json();
    expect(Object.keys(tokens).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens.access_token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: 'user',
      role: 'owner',
      tenant: { name: 'Alpha Ltd', slug: 'alpha-ltd', plan: 'basic' },
      user: { email: 'owner@alpha.io', role: 'owner', active: true },
      apiKeyId: null,
    });
  });

  it('rejects short passwords, taken emails and wrong credentials', async () => {
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'x@y.io', password: 'short', tenant_name: 'X' },
    });
    expectError(short, 400, 'PASSWORD_TOO_SHORT');
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'Owner@Alpha.io', password: PASSWORD, tenant_name: 'Y' },
    });
    expectError(taken, 409, 'EMAIL_TAKEN');
    const wrong = await login('owner@alpha.io', 'wrong password!!', '10.0.0.2');
    expectError(wrong, 401, 'INVALID_CREDENTIALS');
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    expectError(await login('nobody@alpha.io', PASSWORD, '10.0.0.2'), 401, 'INVALID_CREDENTIALS');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a',
    });
    expectError(missing, 400, 'VALIDATION_FAILED');
  });

  it('refresh rotates; replaying a spent token revokes the whole family', async () => {
    const first = (await login('owner@alpha.io', PASSWORD)).json();
    const refresh = (token: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/token/refresh', payload: { refresh_token: token } });
    const r2 = await refresh(first.refresh_token);
    expect(r2.statusCode).toBe(200);
    const second = r2.json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expectError(await refresh(first.refresh_token), 401, 'REFRESH_TOKEN_REUSED');
    expectError(await refresh(second.refresh_token), 401, 'REFRESH_TOKEN_REUSED');
    expectError(await refresh('clr_unknown'), 401, 'REFRESH_TOKEN_INVALID');
  });

  it('logout revokes the refresh token', async () => {
    const tokens = (await login('owner@alpha.io', PASSWORD)).json();
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: { refresh_token: tokens.refresh_token },
    });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/token/refresh',
      payload: { refresh_token: tokens.refresh_token },
    });
    expect(again.statusCode).toBe(401);
  });

  it('expired access tokens answer 401 TOKEN_EXPIRED', async () => {
    const tokens = (await login('owner@alpha.io', PASSWORD)).json();
    t.advance(16 * 60_000);
    try {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(tokens.access_token),
      });
      expectError(res, 401, 'TOKEN_EXPIRED');
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    } finally {
      t.advance(-16 * 60_000);
    }
  });

  it('wrong audience, issuer or signature answer 401 TOKEN_INVALID', async () => {
    const me = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer((await login('owner@alpha.io', PASSWORD)).json().access_token),
      })
    ).json();
    const subject = { userId: me.user.id, tenantId: me.tenant.id, role: 'owner' as const };
    const { issuer, audience } = t.deps.config.auth;
    const variants = [
      { secret: TEST_JWT_SECRET, issuer, audience: 'someone-else' },
      { secret: TEST_JWT_SECRET, issuer: 'evil', audience },
      { secret: new Uint8Array(32).fill(1), issuer, audience },
    ];
    for (const keys of variants) {
      const token = await signAccessToken(keys, subject, Date.now(), 900);
      expectError(
        await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) }),
        401,
        'TOKEN_INVALID',
      );
    }
    const good = await signAccessToken(
      { secret: TEST_JWT_SECRET, issuer, audience },
      subject,
      Date.now(),
      900,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(good) })).statusCode).toBe(
      200,
    );
  });

  it('throttles failed logins per account (429 LOGIN_THROTTLED with Retry-After), even for the right password', async () => {
    await registerOwner(t.app, 'victim@beta.io');
    for (let i = 0; i < 5; i += 1)
      expectError(
        await login('victim@beta.io', 'wrong password!!', `10.1.0.${i}`),
        401,
        'INVALID_CREDENTIALS',
      );
    const blocked = await login('victim@beta.io', PASSWORD, '10.1.1.1');
    expectError(blocked, 429, 'LOGIN_THROTTLED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.advance(15 * 60_000 + 1000);
    try {
      expect((await login('victim@beta.io', PASSWORD, '10.1.1.1')).statusCode).toBe(200);
    } finally {
      t.advance(-(15 * 60_000 + 1000));
    }
  });
});
