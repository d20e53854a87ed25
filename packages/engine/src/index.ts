/**
 * @cohortlens/engine — pure analytics on typed arrays: no I/O, no database, seeded randomness.
 */
export * from './core/engine-error.js';
export * from './core/matrix.js';
export * from './core/random.js';
export * from './core/serialized-model.js';
export * from './trees/tree-ensemble.js';
export * from './prediction/regressor.js';
