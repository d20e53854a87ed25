/**
 * Test helper process for import-kill.db.test.ts (not part of the API): imports a CSV into a
 * persisted PGlite data directory (or a postgres:// URL) and prints "progress <rows>" after every
 * batch, so the test can kill it mid-import.
 * Usage: node --import tsx import-kill-child.ts DATA_DIR|URL TENANT_ID CSV
 */
import { loadConfig } from '../config/index.js';
import { openPglite, openPostgres } from '../db/index.js';
import { importCustomers } from './import-customers.js';

const [where, tenantId, csvPath] = process.argv.slice(2);
const db = /^postgres(ql)?:\/\//.test(where)
  ? await openPostgres({ url: where, poolSize: 2, ssl: 'disable' })
  : await openPglite(where);
await importCustomers(
  { db, config: { ...loadConfig({ env: {} }), import: { batchSize: 1000 } } },
  {
    tenantId,
    source: csvPath,
    onProgress: (p) => process.stdout.write(`progress ${p.rowsRead}\n`),
  },
);
process.stdout.write('done\n');
await db.close();
