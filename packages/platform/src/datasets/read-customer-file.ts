/**
 * File mode: reads a customer CSV into memory with the importer's parser, header mapping and
 * clean-then-validate rules, without touching a database. Used by `cohortlens segment|predict|
 * drift|explain|run --data FILE`. Duplicate customer ids keep their first row, as the importer does.
 */
import {
  cleanCustomerRow,
  mapHeaders,
  openCsv,
  type ColumnTarget,
  type CsvSource,
  type ImportedCustomer,
  type ImportReject,
} from '../customers/index.js';
import { AppError } from '../errors/app-error.js';

export interface CustomerDataset {
  customers: ImportedCustomer[];
  /** Data rows read from the file (header excluded). */
  rowsRead: number;
  /** Rows rejected (invalid cells or a duplicate customer id). */
  rowsRejected: number;
  /** Every rejected cell; `row` is the 1-based data row. */
  rejects: ImportReject[];
  /** Canonical fields present in the file's header. */
  fieldsPresent: string[];
}

export interface ReadCustomerFileOptions {
  mapping?: Record<string, ColumnTarget>;
  /** The configured id column (`features.id_column`), mapped to customer_id when present. */
  idColumn?: string;
}

/**
 * Reads and cleans a whole customer file.
 * @throws AppError IMPORT_* for unreadable files; IMPORT_NO_ROWS when no row survives validation.
 */
export async function readCustomerFile(
  source: CsvSource,
  options: ReadCustomerFileOptions = {},
): Promise<CustomerDataset> {
  const csv = await openCsv(source);
  try {
    const explicit = { ...options.mapping };
    const idColumn = options.idColumn;
    if (idColumn && idColumn !== 'customer_id' && !Object.values(explicit).includes('customer_id')) {
      if (csv.headers.some((h) => h.trim() === idColumn)) explicit[idColumn] = 'customer_id';
    }
    const mapping = mapHeaders(csv.headers, explicit);
    const idHeader = mapping.fields.customer_id!.header;
    const customers: ImportedCustomer[] = [];
    const rejects: ImportReject[] = [];
    const seen = new Set<string>();
    let rowsRead = 0;
    let rowsRejected = 0;
    for await (const record of csv.records) {
      rowsRead++;
      const result = cleanCustomerRow(record, mapping, rowsRead);
      if (!result.ok) {
        rowsRejected++;
        rejects.push(...result.rejects);
        continue;
      }
      const id = result.customer.customerId;
      if (seen.has(id)) {
        rowsRejected++;
        rejects.push({ row: rowsRead, column: idHeader, value: id, reason: 'duplicate_in_file' });
        continue;
      }
      seen.add(id);
      customers.push(result.customer);
    }
    if (customers.length === 0) {
      throw new AppError('IMPORT_NO_ROWS', 'invalid_input', 'The file has no valid customer rows', {
        details: { rowsRead, rowsRejected },
      });
    }
    return { customers, rowsRead, rowsRejected, rejects, fieldsPresent: Object.keys(mapping.fields) };
  } finally {
    csv.close();
  }
}
