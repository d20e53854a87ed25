// Public API of the engine's synthetic-data area.
export * from './generate-customers.js';
export * from './customer-csv.js';
