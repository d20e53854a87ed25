// Public API of the engine's preprocessing area.
export * from './table.js';
export * from './exact-floats.js';
export * from './imputation.js';
export * from './standard-scaler.js';
export * from './one-hot-encoder.js';
export * from './split.js';
export * from './tabular-transformer.js';
export * from './customer-columns.js';
