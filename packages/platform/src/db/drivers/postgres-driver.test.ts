import { describe, expect, it } from 'vitest';
import { resolvePgConnection } from './postgres-driver.js';

describe('resolvePgConnection', () => {
  it('uses TLS for remote hosts and sslmode=require, not for local ones (auto)', () => {
    expect(resolvePgConnection('postgres://u@127.0.0.1:5432/db').ssl).toBe(false);
    expect(resolvePgConnection('postgres://u@localhost/db').ssl).toBe(false);
    expect(resolvePgConnection('postgres://u@localhost/db?sslmode=require').ssl).toBe(true);
    const neon = resolvePgConnection(
      'postgresql://u:p@ep-x.eu-central-1.aws.neon.tech/db?sslmode=require&channel_binding=require',
    );
    expect(neon.ssl).toBe(true);
    expect(neon.connectionString).not.toContain('sslmode');
    expect(neon.connectionString).toContain('channel_binding=require');
    expect(resolvePgConnection('postgres://u@db.example.com/db').ssl).toBe(true);
    expect(resolvePgConnection('postgres://u@db.example.com/db?sslmode=disable').ssl).toBe(false);
  });

  it('obeys an explicit setting', () => {
    expect(resolvePgConnection('postgres://u@127.0.0.1/db', 'require').ssl).toBe(true);
    expect(resolvePgConnection('postgres://u@db.example.com/db?sslmode=require', 'disable').ssl).toBe(false);
  });
});
