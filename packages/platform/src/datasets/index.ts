// Public API of the platform's datasets area: customer files and stored customers as analysis tables.
export * from './read-customer-file.js';
export * from './customer-table.js';
export * from './load-tenant-table.js';
