/**
 * Use case: import customers from a CSV file or stream into a tenant, all or nothing.
 *
 * One transaction: stage every clean row in a TEMP table (duplicates caught there), check the
 * tenant's plan limit on customers BEFORE anything reaches `customers`, then merge with one
 * INSERT … ON CONFLICT. A crash, a kill or any error rolls everything back. Memory is bounded by
 * the batch size (rows are pulled from the stream as they are staged) plus the capped reject list.
 * Rules and reasons: docs/importing.md.
 */
import { AppError } from '../errors/app-error.js';
import type { Config } from '../config/index.js';
import { cleanCustomerRow, type ImportReject } from './clean-customer-row.js';
import { mapHeaders, type ColumnTarget } from './map-headers.js';
import { openCsv, type CsvSource } from './open-csv.js';
import { openRejectsFile, type RejectsFile } from './rejects-file.js';
import {
  countStaged,
  createImportStage,
  tenantPlan,
  mergeStage,
  stageBatch,
  type StagedRow,
} from './import-staging.js';
import { countCustomers, type Db } from '../db/index.js';

/** Rejects kept in the result; the rejects file gets them all. */
export const MAX_REJECTS_IN_RESULT = 1000;

export interface ImportCustomersDeps {
  db: Db;
  config: {
    readonly import: Pick<Config['import'], 'batchSize'>;
    readonly features: Pick<Config['features'], 'idColumn'>;
    readonly plans: Config['plans'];
  };
  /** Milliseconds clock for durationMs and progress; defaults to performance.now. */
  clock?: () => number;
}

export interface ImportProgress {
  /** 'reading' after each staged batch; 'merging' once, before the final merge into customers. */
  phase: 'reading' | 'merging';
  rowsRead: number;
  rejected: number;
  elapsedMs: number;
}

export interface ImportCustomersOptions {
  tenantId: string;
  /** A file path or a readable byte stream (an HTTP upload). */
  source: CsvSource;
  /** Explicit header → field map (see parseColumnMap for the `--map` syntax); wins over aliases. */
  mapping?: Record<string, ColumnTarget>;
  /** Writes every reject to this CSV file (row,column,value,reason). */
  rejectsPath?: string;
  /** Called after each staged batch. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportCustomersResult {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first MAX_REJECTS_IN_RESULT rejects; `row` is the 1-based data row (header not counted). */
  rejects: ImportReject[];
  /** True when more rejects exist than `rejects` holds. */
  rejectsTruncated: boolean;
  durationMs: number;
}

/**
 * Imports customers. Re-importing the same file changes nothing (all rows unchanged).
 * The tenant's plan (`tenants.plan`) and config `plans.<plan>.customers` give the limit.
 * @throws AppError TENANT_NOT_FOUND, IMPORT_EMPTY_FILE, IMPORT_NOT_TEXT, IMPORT_FILE_NOT_FOUND, IMPORT_HEADER_MISSING,
 *   IMPORT_MAPPING_INVALID, IMPORT_NO_ROWS, IMPORT_MALFORMED_CSV, PLAN_CUSTOMER_LIMIT — in every
 *   case nothing is written.
 */
export async function importCustomers(
  deps: ImportCustomersDeps,
  options: ImportCustomersOptions,
): Promise<ImportCustomersResult> {
  const now = deps.clock ?? (() => performance.now());
  const started = now();
  const batchSize = deps.config.import.batchSize;

  const csv = await openCsv(options.source);
  let rejectsFile: RejectsFile | undefined;
  try {
    const explicit = { ...options.mapping };
    const idColumn = deps.config.features.idColumn;
    if (idColumn !== 'customer_id' && !Object.values(explicit).includes('customer_id')) {
      if (csv.headers.some((h) => h.trim() === idColumn)) explicit[idColumn] = 'customer_id';
    }
    const mapping = mapHeaders(csv.headers, explicit);
    const idHeader = mapping.fields.customer_id!.header;
    if (options.rejectsPath !== undefined) rejectsFile = await openRejectsFile(options.rejectsPath);

    const rejects: ImportReject[] = [];
    let rejected = 0;
    let rejectEntries = 0;
    const addReject = async (r: ImportReject): Promise<void> => {
      rejectEntries++;
      if (rejects.length < MAX_REJECTS_IN_RESULT) rejects.push(r);
      await rejectsFile?.write(r);
    };

    const counts = await deps.db.transaction(async (tx) => {
      // Reading the plan inside the transaction: the limit checked is the one in force at merge time.
      const plan = await tenantPlan(tx, options.tenantId);
      const limit = deps.config.plans[plan].customers;
      await createImportStage(tx);
      let rowsRead = 0;
      let batch = new Map<string, StagedRow>();
      const flush = async (): Promise<void> => {
        const rows = [...batch.values()];
        const duplicates = new Set(await stageBatch(tx, rows));
        for (const { row, customer } of rows) {
          if (!duplicates.has(row)) continue;
          const id = customer.customerId;
          rejected++;
          await addReject({ row, column: idHeader, value: id, reason: 'duplicate_in_file' });
        }
        batch = new Map();
        options.onProgress?.({ phase: 'reading', rowsRead, rejected, elapsedMs: now() - started });
      };

      for await (const records of csv.batches) {
        for (const record of records) {
          rowsRead++;
          const result = cleanCustomerRow(record, mapping, rowsRead);
          if (!result.ok) {
            rejected++;
            for (const r of result.rejects) await addReject(r);
            continue;
          }
          const id = result.customer.customerId;
          if (batch.has(id)) {
            rejected++;
            await addReject({ row: rowsRead, column: idHeader, value: id, reason: 'duplicate_in_file' });
            continue;
          }
          batch.set(id, { row: rowsRead, customer: result.customer });
          if (batch.size >= batchSize) await flush();
        }
      }
      if (batch.size > 0) await flush();
      if (rowsRead === 0) {
        throw new AppError('IMPORT_NO_ROWS', 'invalid_input', 'The file has a header but no data rows', {
          details: { headersSeen: mapping.headers },
        });
      }

      const { staged, incoming } = await countStaged(tx, options.tenantId);
      if (limit !== null && incoming > 0) {
        const current = await countCustomers(tx, options.tenantId);
        if (current + incoming > limit) {
          throw new AppError(
            'PLAN_CUSTOMER_LIMIT',
            'limit',
            `The import would bring the tenant to ${current + incoming} customers; the ${plan} plan allows ${limit}`,
            { details: { limit, current, incoming } },
          );
        }
      }
      options.onProgress?.({ phase: 'merging', rowsRead, rejected, elapsedMs: now() - started });
      const { inserted, updated } = await mergeStage(tx, options.tenantId);
      return { inserted, updated, unchanged: staged - inserted - updated };
    });

    return {
      ...counts,
      rejected,
      rejects,
      rejectsTruncated: rejectEntries > rejects.length,
      durationMs: Math.round(now() - started),
    };
  } finally {
    csv.close();
    await rejectsFile?.close();
  }
}
