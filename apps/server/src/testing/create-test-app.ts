/**
 * Test harness: buildApp over a fresh migrated database (createTestDb: PGlite, or a throw-away
 * database on TEST_DATABASE_URL), a movable clock and a fixed signing key. Tests only.
 */
import { tmpdir } from 'node:os';
import { loadConfig, type Config, type Db } from '@cohortlens/platform';
// createTestDb is a test helper the platform does not export from its barrel (see the report).
import { createTestDb } from '@cohortlens/platform/testing';
import { createAppDeps, type AppDeps } from '../app-deps.js';
import { buildApp } from '../build-app.js';
import type { ApiApp } from '../routes/route-group.js';

export interface TestApp {
  readonly app: ApiApp;
  readonly deps: AppDeps;
  readonly db: Db;
  /** Moves the injected clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = new Uint8Array(32).fill(42);

/** Configuration from defaults plus `env` only (no repo YAML or .env), logging silenced. */
export const testConfig = (env: Record<string, string> = {}): Config =>
  loadConfig({ env: { LOG_LEVEL: 'silent', COHORTLENS_DATA_DIR: 'memory://', ...env }, cwd: tmpdir() });

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDb();
  let offset = 0;
  const deps = createAppDeps(testConfig(env), db, {
    clock: () => Date.now() + offset,
    jwtSecret: TEST_JWT_SECRET,
  });
  const app = await buildApp(deps);
  return {
    app,
    deps,
    db,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export const PASSWORD = 'correct horse battery staple';

/** Registers a tenant and its owner through the API; returns the token answer. */
export async function registerOwner(app: ApiApp, email: string, tenantName = email.split('@')[1]) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: PASSWORD, tenant_name: tenantName },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    access_token: string;
    refresh_token: string;
    expires_in: number;
    token_type: string;
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
