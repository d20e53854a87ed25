import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken } from './access-token.js';

const keys = {
  secret: new TextEncoder().encode('s'.repeat(32)),
  issuer: 'cohortlens',
  audience: 'cohortlens-api',
};
const subject = {
  userId: '11111111-1111-4111-8111-111111111111',
  tenantId: '22222222-2222-4222-8222-222222222222',
  role: 'analyst' as const,
};
const T0 = Date.UTC(2026, 0, 1);

describe('access tokens', () => {
  it('round-trips the claims', async () => {
    const token = await signAccessToken(keys, subject, T0, 900);
    const c = await verifyAccessToken(keys, token, T0 + 1000);
    expect(c).toMatchObject({
      sub: subject.userId,
      tid: subject.tenantId,
      role: 'analyst',
      exp: T0 / 1000 + 900,
    });
    expect(c.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects expired, wrong audience, wrong issuer, wrong secret and alg tricks', async () => {
    const token = await signAccessToken(keys, subject, T0, 900);
    await expect(verifyAccessToken(keys, token, T0 + 901_000)).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
    await expect(verifyAccessToken({ ...keys, audience: 'other' }, token, T0)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    await expect(verifyAccessToken({ ...keys, issuer: 'other' }, token, T0)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
    const other = { ...keys, secret: new TextEncoder().encode('t'.repeat(32)) };
    await expect(verifyAccessToken(other, token, T0)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
    await expect(verifyAccessToken(keys, unsigned, T0)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(verifyAccessToken(keys, 'garbage', T0)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('rejects a validly signed token without a known role', async () => {
    const token = await new SignJWT({ tid: subject.tenantId, role: 'root' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject.userId)
      .setIssuer(keys.issuer)
      .setAudience(keys.audience)
      .setIssuedAt(T0 / 1000)
      .setExpirationTime(T0 / 1000 + 60)
      .setJti('x')
      .sign(keys.secret);
    await expect(verifyAccessToken(keys, token, T0)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
});
