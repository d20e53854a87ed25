/**
 * Test helper process for import-kill.db.test.ts (not part of the API): imports a CSV into a
 * persisted PGlite data directory and prints "progress <rows>" after every batch, so the test can
 * kill it mid-import. Usage: node --import tsx import-kill-child.ts DATA_DIR TENANT_ID CSV
 */
import { loadConfig } from '../config/index.js';
import { openPglite } from '../db/index.js';
import { importCustomers } from './import-customers.js';

const [dataDir, tenantId, csvPath] = process.argv.slice(2);
const db = await openPglite(dataDir);
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
