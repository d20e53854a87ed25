import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveJwtSecret } from './resolve-jwt-secret.js';

const config = (over: {
  secret?: string | null;
  env?: 'development' | 'production' | 'test';
  dataDir?: string;
}) =>
  ({
    auth: {
      jwtSecret: over.secret ?? null,
      issuer: 'i',
      audience: 'a',
      accessTokenMinutes: 15,
      refreshTokenDays: 30,
    },
    server: { environment: over.env ?? 'development' },
    database: { dataDir: over.dataDir ?? 'memory://' },
  }) as unknown as Parameters<typeof resolveJwtSecret>[0];

describe('resolveJwtSecret', () => {
  it('uses the configured secret', () => {
    expect(
      Buffer.from(resolveJwtSecret(config({ secret: 'k'.repeat(40), env: 'production' }))).toString(),
    ).toBe('k'.repeat(40));
  });

  it('refuses production without a secret', () => {
    expect(() => resolveJwtSecret(config({ env: 'production' }))).toThrow(
      expect.objectContaining({ code: 'CONFIG_SECRET_REQUIRED' }),
    );
  });

  it('generates a development secret once, beside the data directory, mode 0600', () => {
    const root = mkdtempSync(join(tmpdir(), 'cl-jwt-'));
    const dataDir = join(root, 'data');
    const a = resolveJwtSecret(config({ dataDir }));
    const b = resolveJwtSecret(config({ dataDir }));
    expect(a.length).toBe(32);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const file = join(root, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(Buffer.from(a).toString('base64url'));
  });

  it('keeps an in-memory database secret in memory only (random per call)', () => {
    const a = resolveJwtSecret(config({}));
    const b = resolveJwtSecret(config({}));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
