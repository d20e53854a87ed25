// Public API of the platform's customers area.
export { CANONICAL_FIELDS, isCanonicalField } from './canonical-fields.js';
export type { CanonicalField, ImportedCustomer } from './canonical-fields.js';
export { mapHeaders, parseColumnMap, squashHeader } from './map-headers.js';
export type { ColumnTarget, FieldSource, HeaderMapping } from './map-headers.js';
export { cleanCustomerRow, normaliseGender, parseNumber, NUMERIC_RULES } from './clean-customer-row.js';
export type { CleanRowResult, ImportReject, RejectReason } from './clean-customer-row.js';
export { openCsv, sniffDelimiter } from './open-csv.js';
export type { CsvSource, OpenedCsv } from './open-csv.js';
export { writeDemoCustomers } from './write-demo-customers.js';
export type { WriteDemoCustomersOptions, WriteDemoCustomersResult } from './write-demo-customers.js';
export { importCustomers, MAX_REJECTS_IN_RESULT } from './import-customers.js';
export type {
  ImportCustomersDeps,
  ImportCustomersOptions,
  ImportCustomersResult,
  ImportProgress,
} from './import-customers.js';
export { createCustomer, updateCustomer, eraseCustomer } from './manage-customers.js';
export type { CustomerFields, EraseCustomerResult } from './manage-customers.js';
export { customersAfter } from './customers-after.js';
export type { CustomersAfterPage } from './customers-after.js';
