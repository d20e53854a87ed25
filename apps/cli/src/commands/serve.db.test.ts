import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/cohortlens.js');
const dir = mkdtempSync(join(tmpdir(), 'cl-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cohortlens serve', () => {
  it('migrates, seeds the demo owner with a password printed once, serves, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, COHORTLENS_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await new Promise<void>((ready, fail) => {
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes('Press Ctrl+C')) ready();
        });
        void exited.then((code) => fail(new Error(`serve exited early (${code}): ${stderr}`)));
      });
      const api = /API\s+(http:\/\/\S+)/.exec(stderr)?.[1];
      const password = /password\s+(\S+)/.exec(stderr)?.[1];
      expect(stderr).toMatch(/Docs\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
      expect(stderr).toMatch(/GraphQL\s+http:\/\/127\.0\.0\.1:\d+\/graphql/);
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(stderr).not.toMatch(/admin\/admin/);

      expect(await (await fetch(`${api}/health`)).json()).toMatchObject({
        status: 'ok',
        database: 'connected',
      });
      const token = await fetch(`${api}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'owner@demo.cohortlens.local', password: password as string }),
      });
      expect(token.status).toBe(200);
      const me = await fetch(`${api}/me`, {
        headers: {
          authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}`,
        },
      });
      expect(((await me.json()) as { role: string }).role).toBe('owner');
      // The development signing key is kept beside the data directory, owner-only.
      expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout.trim()).toBe('Stopped.');
  });
});
