import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import type { Db } from '../db/db.js';
import { createTestDb } from '../db/testing/create-test-db.js';
import { authenticate } from './authenticate.js';
import type { IdentityDeps } from './identity-types.js';
import { loginWithPassword } from './login-with-password.js';
import { createLoginThrottle } from './login-throttle.js';
import { logoutSession } from './logout-session.js';
import { createApiKey, revokeApiKey } from './manage-api-keys.js';
import { inviteUser, updateUser } from './manage-users.js';
import { refreshSession } from './refresh-session.js';
import { registerAccount } from './register-account.js';
import { seedDemoTenant } from './seed-demo-tenant.js';

let db: Db;
let now = Date.UTC(2026, 0, 1);
let deps: IdentityDeps;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  db = await createTestDb();
  const config = loadConfig({ env: {}, cwd: '/nonexistent' });
  deps = {
    db,
    config,
    clock: () => now,
    jwtSecret: new Uint8Array(32).fill(7),
    loginThrottle: createLoginThrottle(),
  };
});
afterAll(async () => {
  await db.close();
});

describe('identity sessions', () => {
  it('seeds the demo tenant only on an empty database, with a random password', async () => {
    const seeded = await seedDemoTenant(deps);
    expect(seeded?.owner.role).toBe('owner');
    expect(seeded?.password.length).toBeGreaterThanOrEqual(12);
    const tokens = await loginWithPassword(deps, {
      email: seeded!.owner.email,
      password: seeded!.password,
      address: '::1',
    });
    expect(tokens.tokenType).toBe('bearer');
    expect(await seedDemoTenant(deps)).toBeNull();
  });

  it('rotates refresh tokens and revokes the family when a spent one is replayed', async () => {
    const { tokens } = await registerAccount(deps, {
      email: 'Rot@Example.com',
      password: PASSWORD,
      tenantName: 'Rot Co',
    });
    const second = await refreshSession(deps, tokens.refreshToken);
    expect(second.refreshToken).not.toBe(tokens.refreshToken);
    const third = await refreshSession(deps, second.refreshToken);
    await expect(refreshSession(deps, tokens.refreshToken)).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_REUSED',
    });
    // The whole family is dead, including the newest token.
    await expect(refreshSession(deps, third.refreshToken)).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_REUSED',
    });
    await expect(refreshSession(deps, 'clr_nope')).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('logout revokes; expiry is enforced with the injected clock', async () => {
    const t = await loginWithPassword(deps, { email: 'rot@example.com', password: PASSWORD, address: '::1' });
    await logoutSession(deps, t.refreshToken);
    await expect(refreshSession(deps, t.refreshToken)).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_REUSED',
    });
    const u = await loginWithPassword(deps, { email: 'rot@example.com', password: PASSWORD, address: '::1' });
    now += 31 * 86_400_000;
    await expect(refreshSession(deps, u.refreshToken)).rejects.toMatchObject({
      code: 'REFRESH_TOKEN_EXPIRED',
    });
    await expect(authenticate(deps, { authorization: `Bearer ${u.accessToken}` })).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
  });

  it('deactivation stops access tokens at once; other tenants are not found; keys revoke', async () => {
    const a = await registerAccount(deps, { email: 'a@iso.io', password: PASSWORD, tenantName: 'A' });
    const b = await registerAccount(deps, { email: 'b@iso.io', password: PASSWORD, tenantName: 'B' });
    const ownerA = (await authenticate(deps, { authorization: `Bearer ${a.tokens.accessToken}` }))!;
    const ownerB = (await authenticate(deps, { authorization: `Bearer ${b.tokens.accessToken}` }))!;
    const invited = await inviteUser(deps, ownerA, { email: 'v@iso.io', role: 'viewer' });
    const vt = await loginWithPassword(deps, {
      email: 'v@iso.io',
      password: invited.initialPassword,
      address: '::1',
    });
    await expect(updateUser(deps, ownerB, invited.user.id, { active: false })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    await updateUser(deps, ownerA, invited.user.id, { active: false });
    await expect(authenticate(deps, { authorization: `Bearer ${vt.accessToken}` })).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    await expect(updateUser(deps, ownerA, a.user.id, { role: 'admin' })).rejects.toMatchObject({
      code: 'LAST_OWNER',
    });

    const key = await createApiKey(deps, ownerA, { name: 'etl', role: 'analyst' });
    expect(key.secret).toMatch(/^clk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(await authenticate(deps, { apiKey: key.secret })).toMatchObject({
      kind: 'api_key',
      tenantId: a.tenant.id,
      role: 'analyst',
    });
    await expect(revokeApiKey(deps, ownerB, key.apiKey.id)).rejects.toMatchObject({
      code: 'API_KEY_NOT_FOUND',
    });
    await revokeApiKey(deps, ownerA, key.apiKey.id);
    await expect(authenticate(deps, { apiKey: key.secret })).rejects.toMatchObject({
      code: 'API_KEY_REVOKED',
    });
  });
});
