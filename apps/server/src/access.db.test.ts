import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, registerOwner, type TestApp } from './testing/create-test-app.js';

let t: TestApp;
let owner: { access_token: string };
beforeAll(async () => {
  t = await createTestApp();
  owner = await registerOwner(t.app, 'owner@gamma.io', 'Gamma');
});
afterAll(async () => {
  await t.close();
});

type Res = { statusCode: number; json: () => any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const code = (res: Res) => (res.statusCode >= 400 ? res.json().error.code : null);

async function inviteAndLogin(as: string, email: string, role: string) {
  const inv = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: bearer(as),
    payload: { email, role },
  });
  expect(inv.statusCode).toBe(201);
  const { user, initialPassword } = inv.json();
  const tok = await t.app.inject({
    method: 'POST',
    url: '/api/v1/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ username: email, password: initialPassword }).toString(),
  });
  expect(tok.statusCode).toBe(200);
  return { id: user.id as string, token: tok.json().access_token as string };
}

describe('roles', () => {
  it('owners invite with a one-time password; viewers cannot create keys or list users', async () => {
    const viewer = await inviteAndLogin(owner.access_token, 'viewer@gamma.io', 'viewer');
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(viewer.token),
      payload: { name: 'x', role: 'viewer' },
    });
    expect(key.statusCode).toBe(403);
    expect(code(key)).toBe('ROLE_REQUIRED');
    expect(key.json().error.details).toEqual({ required: 'admin', actual: 'viewer' });
    expect(
      code(await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(viewer.token) })),
    ).toBe('ROLE_REQUIRED');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(viewer.token) });
    expect(me.json()).toMatchObject({ role: 'viewer', user: { email: 'viewer@gamma.io' } });
  });

  it('admins manage users below them but cannot grant or touch owner; the last owner stays', async () => {
    const admin = await inviteAndLogin(owner.access_token, 'admin@gamma.io', 'admin');
    const ownerId = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(owner.access_token) })
    ).json().user.id;
    const grant = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(admin.token),
      payload: { email: 'o2@gamma.io', role: 'owner' },
    });
    expect(code(grant)).toBe('ROLE_TOO_HIGH');
    const demoteOwner = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${ownerId}`,
      headers: bearer(admin.token),
      payload: { role: 'viewer' },
    });
    expect(code(demoteOwner)).toBe('ROLE_TOO_HIGH');
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${ownerId}`,
      headers: bearer(owner.access_token),
      payload: { active: false },
    });
    expect(self.statusCode).toBe(409);
    expect(code(self)).toBe('LAST_OWNER');

    const analyst = await inviteAndLogin(admin.token, 'analyst@gamma.io', 'analyst');
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${analyst.id}`,
      headers: bearer(admin.token),
      payload: { role: 'viewer' },
    });
    expect(promote.statusCode).toBe(200);
    expect(promote.json()).toMatchObject({ id: analyst.id, role: 'viewer', active: true });
    // Demotion applies to tokens already issued: the role is read on every request.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(analyst.token) })).json().role,
    ).toBe('viewer');
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${analyst.id}`,
      headers: bearer(admin.token),
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    expect(
      code(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(analyst.token) })),
    ).toBe('TOKEN_INVALID');
    const empty = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${analyst.id}`,
      headers: bearer(admin.token),
      payload: {},
    });
    expect(code(empty)).toBe('VALIDATION_FAILED');

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(admin.token) });
    expect(
      list
        .json()
        .users.map((u: { email: string }) => u.email)
        .sort(),
    ).toEqual(['admin@gamma.io', 'analyst@gamma.io', 'owner@gamma.io', 'viewer@gamma.io']);
    expect(JSON.stringify(list.json())).not.toMatch(/password|argon2/i);
  });
});

describe('password change', () => {
  it('an invited user replaces its initial password; other sessions end', async () => {
    const inv = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(owner.access_token),
      payload: { email: 'new@gamma.io', role: 'analyst' },
    });
    const initial = inv.json().initialPassword as string;
    const form = (password: string) => ({
      method: 'POST' as const,
      url: '/api/v1/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ username: 'new@gamma.io', password }).toString(),
    });
    const session = (await t.app.inject(form(initial))).json();
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: bearer(session.access_token),
        payload: { currentPassword, newPassword },
      });
    expect(code(await change('not the password', 'another long passphrase'))).toBe('CURRENT_PASSWORD_WRONG');
    expect(code(await change(initial, 'short'))).toBe('PASSWORD_TOO_SHORT');
    expect((await change(initial, 'another long passphrase')).statusCode).toBe(204);
    expect(code(await t.app.inject(form(initial)))).toBe('INVALID_CREDENTIALS');
    expect((await t.app.inject(form('another long passphrase'))).statusCode).toBe(200);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/token/refresh',
      payload: { refresh_token: session.refresh_token },
    });
    expect(refreshed.statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('are returned once, listed by prefix, accepted in both headers, and refused once revoked', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(owner.access_token),
      payload: { name: 'etl', role: 'analyst' },
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json();
    expect(secret).toMatch(new RegExp(`^clk_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(apiKey).toMatchObject({ name: 'etl', role: 'analyst', revokedAt: null });

    const viaHeader = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'x-api-key': secret },
    });
    expect(viaHeader.json()).toMatchObject({
      kind: 'api_key',
      role: 'analyst',
      user: null,
      apiKeyId: apiKey.id,
      tenant: { name: 'Gamma' },
    });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) })).statusCode,
    ).toBe(200);
    // An analyst key cannot manage keys.
    expect(
      code(await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { 'x-api-key': secret } })),
    ).toBe('ROLE_REQUIRED');

    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(owner.access_token) })
    ).json();
    expect(listed.apiKeys).toHaveLength(1);
    expect(listed.apiKeys[0].prefix).toBe(apiKey.prefix);
    expect(listed.apiKeys[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(secret.slice(-43));

    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(
      code(await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-api-key': tampered } })),
    ).toBe('API_KEY_INVALID');

    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${apiKey.id}`,
      headers: bearer(owner.access_token),
    });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-api-key': secret } });
    expect(after.statusCode).toBe(401);
    expect(code(after)).toBe('API_KEY_REVOKED');
    expect(after.headers['www-authenticate']).toContain('Bearer');
  });

  it('cannot exceed the creator role', async () => {
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(owner.access_token),
      payload: { name: 'adm', role: 'admin' },
    });
    const adminKey = admin.json().secret;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { 'x-api-key': adminKey },
      payload: { role: 'owner' },
    });
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('ROLE_TOO_HIGH');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { 'x-api-key': adminKey },
      payload: { role: 'viewer' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().apiKey.createdBy).toBeNull();
  });
});

describe('tenant isolation', () => {
  it("every identity route called with another tenant's ids answers 404 and leaks nothing", async () => {
    const other = await registerOwner(t.app, 'owner@delta.io', 'Delta');
    const b = bearer(other.access_token);
    const victimUsers = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(owner.access_token) })
    ).json().users;
    const victimKey = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: bearer(owner.access_token),
        payload: { name: 'victim', role: 'viewer' },
      })
    ).json();

    for (const u of victimUsers) {
      for (const payload of [{ role: 'viewer' }, { active: false }]) {
        const res = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${u.id}`,
          headers: b,
          payload,
        });
        expect(res.statusCode).toBe(404);
        expect(code(res)).toBe('USER_NOT_FOUND');
        expect(res.body).not.toContain(u.email);
      }
    }
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${victimKey.apiKey.id}`,
      headers: b,
    });
    expect(del.statusCode).toBe(404);
    expect(code(del)).toBe('API_KEY_NOT_FOUND');

    // Lists and /me only ever show the caller's tenant.
    const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: b })).json().users;
    expect(users.map((u: { email: string }) => u.email)).toEqual(['owner@delta.io']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: b })).json().apiKeys,
    ).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: b })).json().tenant.name).toBe(
      'Delta',
    );
    // A tenant id smuggled in the body is ignored: the tenant comes from the credential.
    const smuggled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: b,
      payload: {
        email: 'spy@delta.io',
        role: 'viewer',
        tenant_id: victimUsers[0].id,
        tenantId: victimUsers[0].id,
      },
    });
    expect(smuggled.statusCode).toBe(201);
    const victimAfter = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(owner.access_token) })
    ).json().users;
    expect(victimAfter.map((u: { email: string }) => u.email)).not.toContain('spy@delta.io');

    // The victim's resources are untouched.
    const keys = (
      await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(owner.access_token) })
    ).json().apiKeys;
    expect(keys.find((k: { id: string }) => k.id === victimKey.apiKey.id).revokedAt).toBeNull();
    expect(
      victimAfter.every(
        (u: { active: boolean; email: string }) => u.active || u.email === 'analyst@gamma.io',
      ),
    ).toBe(true);
  });
});
