import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './server.js';
import { createTestApp, testConfig, type TestApp } from './testing/create-test-app.js';

describe('startServer', () => {
  it('refuses to start in production without a signing secret (CONFIG_SECRET_REQUIRED)', async () => {
    await expect(startServer(testConfig({ NODE_ENV: 'production' }))).rejects.toMatchObject({
      code: 'CONFIG_SECRET_REQUIRED',
    });
    await expect(
      startServer(testConfig({ COHORTLENS_SERVER__ENVIRONMENT: 'production' })),
    ).rejects.toMatchObject({
      code: 'CONFIG_SECRET_REQUIRED',
    });
  });

  it('migrates the embedded database and listens on the configured host and port', async () => {
    const config = testConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      COHORTLENS_SERVER__PORT: '0',
    });
    const server = await startServer(config);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'connected' });
      // GraphiQL is a development convenience only.
      expect((await fetch(`${server.url}/graphiql`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('HTTP policy from config', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      COHORTLENS_SERVER__CORS_ORIGINS: '[https://app.example]',
      COHORTLENS_SERVER__TRUSTED_PROXIES: '[10.0.0.1]',
      COHORTLENS_SERVER__BODY_LIMIT: '2048',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('CORS allows only the configured origins', async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/me',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    expect((await preflight('https://app.example')).headers['access-control-allow-origin']).toBe(
      'https://app.example',
    );
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('believes X-Forwarded-For only from trusted proxies (login throttling keys on it)', async () => {
    const ipOf = async (remoteAddress: string) => {
      const login = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/token',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
          payload: `username=u${Math.random()}@x.io&password=wrong-password-1`,
          remoteAddress,
        });
      for (let i = 0; i < 19; i += 1) await login();
      return (await login()).statusCode;
    };
    // Through the trusted proxy, 20 failures count against 203.0.113.9 …
    expect(await ipOf('10.0.0.1')).toBe(401);
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
      payload: 'username=new@x.io&password=whatever-password',
      remoteAddress: '10.0.0.1',
    });
    expect(blocked.json().error.code).toBe('LOGIN_THROTTLED');
    // … and not against another client behind the same proxy …
    const neighbour = await t.app.inject({
      method: 'POST',
      url: '/api/v1/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.10' },
      payload: 'username=new@x.io&password=whatever-password',
      remoteAddress: '10.0.0.1',
    });
    expect(neighbour.json().error.code).toBe('INVALID_CREDENTIALS');
    // … while an untrusted sender cannot pick the address it is counted under.
    const direct = await t.app.inject({
      method: 'POST',
      url: '/api/v1/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.1' },
      payload: 'username=new@x.io&password=whatever-password',
      remoteAddress: '192.0.2.7',
    });
    expect(direct.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('applies the body limit (413 BODY_TOO_LARGE)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'a@b.io', password: 'x'.repeat(4000), tenant_name: 'A' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
  });
});
