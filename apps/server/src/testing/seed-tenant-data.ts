/**
 * Test data for the analytics routes: synthetic customers (the engine's generator) as CSV text,
 * imported into a tenant, and a persisted segmentation run. Tests only.
 */
import { Readable, Writable } from 'node:stream';
import {
  getTenantById,
  importCustomers,
  runSegmentation,
  writeDemoCustomers,
  type Tenant,
} from '@cohortlens/platform';
import type { TestApp } from './create-test-app.js';
import { bearer, PASSWORD } from './create-test-app.js';

/** `rows` synthetic customers as a Customers.csv-layout string. */
export async function demoCsv(rows: number, seed = 42): Promise<string> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await writeDemoCustomers({ rows, seed, out });
  return Buffer.concat(chunks).toString('utf8');
}

/** The tenant of a token (through GET /me). */
export async function tenantOfToken(t: TestApp, token: string): Promise<Tenant> {
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
  const tenant = await getTenantById(t.db, me.json().tenant.id);
  if (!tenant) throw new Error('tenant missing');
  return tenant;
}

/** Imports `rows` demo customers into the tenant; optionally segments them (k fixed for speed). */
export async function seedCustomers(
  t: TestApp,
  tenant: Tenant,
  options: { rows?: number; seed?: number; segment?: boolean; idPrefix?: string } = {},
): Promise<number> {
  let csv = await demoCsv(options.rows ?? 300, options.seed ?? 42);
  // The generator numbers customers from 1: a prefix gives each tenant ids the other lacks.
  if (options.idPrefix) csv = csv.replace(/\n(?=[^\n])/g, `\n${options.idPrefix}`);
  const imported = await importCustomers(
    { db: t.db, config: t.deps.config },
    { tenantId: tenant.id, source: Readable.from([csv]) },
  );
  if (options.segment) await runSegmentation(t.db, tenant, t.deps.config, { k: 4, nInit: 2 });
  return imported.inserted;
}

/** Invites a user with `role` (as `adminToken`) and logs in; returns the access token. */
export async function userWithRole(t: TestApp, adminToken: string, email: string, role: string) {
  const inv = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: bearer(adminToken),
    payload: { email, role },
  });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.body}`);
  const tok = await t.app.inject({
    method: 'POST',
    url: '/api/v1/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ username: email, password: inv.json().initialPassword }).toString(),
  });
  return tok.json().access_token as string;
}

export { PASSWORD };
