// Public API of the platform's drift area.
export * from './customer-drift-table.js';
export * from './compare-customer-files.js';
export * from './tenant-drift.js';
export * from './check-uploaded-drift.js';
export * from './drift-options.js';
