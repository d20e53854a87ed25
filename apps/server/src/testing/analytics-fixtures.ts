/**
 * Test fixtures for the analytics routes: a tenant with synthetic customers (engine generator,
 * seeded), its id from the token, and API keys of a given role. Tests only.
 */
import { Readable } from 'node:stream';
import { CUSTOMER_CSV_HEADER, customerToCsvRow, generateCustomers } from '@cohortlens/engine';
import { importCustomers } from '@cohortlens/platform';
import { bearer, registerOwner, type TestApp } from './create-test-app.js';

/** A Customers.csv-layout text of `rows` synthetic customers whose ids start with `prefix`. */
export function customersCsv(rows: number, prefix = '', seed = 7): string {
  const lines = [CUSTOMER_CSV_HEADER];
  for (const c of generateCustomers({ rows, seed, messiness: 0, duplicateShare: 0 })) {
    lines.push(customerToCsvRow({ ...c, customerId: `${prefix}${c.customerId}` }));
  }
  return `${lines.join('\n')}\n`;
}

/** The tenant id (`tid` claim) of an access token. */
export const tenantIdOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { tid: string }).tid;

export interface AnalyticsTenant {
  readonly token: string;
  readonly tenantId: string;
}

/** Registers an owner and imports `rows` synthetic customers into the new tenant. */
export async function tenantWithCustomers(
  t: TestApp,
  email: string,
  rows: number,
  prefix = '',
): Promise<AnalyticsTenant> {
  const { access_token: token } = await registerOwner(t.app, email);
  const tenantId = tenantIdOf(token);
  if (rows > 0) {
    await importCustomers(
      { db: t.db, config: t.deps.config },
      { tenantId, source: Readable.from([Buffer.from(customersCsv(rows, prefix))]) },
    );
  }
  return { token, tenantId };
}

/** Creates an API key of `role` with the owner's token; returns request headers using it. */
export async function apiKeyHeaders(
  t: TestApp,
  ownerToken: string,
  role: string,
): Promise<Record<string, string>> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: bearer(ownerToken),
    payload: { name: role, role },
  });
  if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode} ${res.body}`);
  return { 'x-api-key': (res.json() as { secret: string }).secret };
}
