/**
 * First-run seeding for `cohortlens serve`: on a database without any user, makes sure the default
 * tenant exists (`tenant.default_slug`, the one the CLI imports into) and gives it an owner with a
 * random password, returned so the caller can print it once. There is no default password.
 * With the full configuration it then fills the tenant with demo data, so the API is usable at
 * once: `demoRows` (default 2,000) generated customers (writeDemoCustomers streamed into
 * importCustomers), a segmentation run and a trained spending model (runSegmentation, trainModel,
 * the configured algorithms). Data the tenant already has (customers imported with the CLI before
 * the first `serve`, a run, a model) is kept and not duplicated.
 */
import { PassThrough } from 'node:stream';
import type { Config } from '../config/config-types.js';
import { importCustomers } from '../customers/import-customers.js';
import { writeDemoCustomers } from '../customers/write-demo-customers.js';
import { countCustomers, getActiveModel, getActiveSegmentationRun } from '../db/index.js';
import { trainModel } from '../prediction/train-model.js';
import { runSegmentation } from '../segmentation/run-segmentation.js';
import type { Db } from '../db/db.js';
import { ensureDefaultTenant, type Tenant } from '../db/repositories/tenant-repository.js';
import { sql } from '../db/sql.js';
import type { User } from './identity-types.js';
import { generatePassword } from './opaque-secret.js';
import { hashPassword } from './password.js';
import { insertUser } from './users-repository.js';

export const DEMO_OWNER_EMAIL = 'owner@demo.cohortlens.local';

export interface SeedDemoTenantResult {
  readonly tenant: Tenant;
  readonly owner: User;
  /** The owner's password, to print once. */
  readonly password: string;
  /** What demo data was added (null without the full configuration or with demoRows 0). */
  readonly demo: DemoData | null;
}

export interface DemoData {
  /** Customers imported (0 when the tenant already had some). */
  readonly customersImported: number;
  /** The segmentation run made (null when one was already active). */
  readonly segmentationRunId: string | null;
  /** The model version trained (null when one was already active). */
  readonly modelVersion: number | null;
}

export interface SeedDemoTenantOptions {
  /** Generated customers for the demo tenant; default 2,000 (0 = no demo data). */
  readonly demoRows?: number;
  /** Generator seed; default 42. */
  readonly seed?: number;
}

export const DEFAULT_DEMO_ROWS = 2000;

/** @returns the tenant and its new owner, or null when the database already has a user. */
export async function seedDemoTenant(
  deps: { db: Db; config: Pick<Config, 'tenant'> | Config },
  options: SeedDemoTenantOptions = {},
): Promise<SeedDemoTenantResult | null> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const seeded = await deps.db.transaction(async (tx) => {
    // Serialises concurrent first starts: the second waits, then sees the owner.
    await tx.query(sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
    const { rows } = await tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
    if (rows[0].n > 0) return null;
    const tenant = await ensureDefaultTenant(tx, deps.config);
    const owner = await insertUser(tx, tenant.id, { email: DEMO_OWNER_EMAIL, passwordHash, role: 'owner' });
    if (owner === null) throw new Error(`${DEMO_OWNER_EMAIL} already exists`);
    return { tenant, owner, password };
  });
  if (seeded === null) return null;
  const rows = options.demoRows ?? DEFAULT_DEMO_ROWS;
  const config = deps.config;
  const demo =
    'models' in config && rows > 0
      ? await seedDemoData(deps.db, seeded.tenant, config, rows, options.seed)
      : null;
  return { ...seeded, demo };
}

/** Customers (when the tenant has none), then a segmentation run and a model (when none is active). */
async function seedDemoData(
  db: Db,
  tenant: Tenant,
  config: Config,
  rows: number,
  seed = 42,
): Promise<DemoData> {
  let customersImported = 0;
  if ((await countCustomers(db, tenant.id)) === 0) {
    // Generator and importer run together over an in-memory pipe: no temporary file.
    const pipe = new PassThrough();
    const [, report] = await Promise.all([
      writeDemoCustomers({ rows, seed, out: pipe }).finally(() => pipe.end()),
      importCustomers({ db, config }, { tenantId: tenant.id, source: pipe }).catch((e: unknown) => {
        pipe.destroy(); // unblocks the generator waiting for 'drain'
        throw e;
      }),
    ]);
    customersImported = report.inserted;
  }
  const segmentationRunId =
    (await getActiveSegmentationRun(db, tenant.id)) === null
      ? (await runSegmentation(db, tenant, config)).runId
      : null;
  const modelVersion =
    (await getActiveModel(db, tenant.id)) === null ? (await trainModel(db, tenant, config)).version : null;
  return { customersImported, segmentationRunId, modelVersion };
}
