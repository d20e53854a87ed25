/**
 * @cohortlens/engine — pure analytics on typed arrays: no I/O, no database, seeded randomness.
 */
export * from './core/engine-error.js';
export * from './core/matrix.js';
export * from './core/random.js';
export * from './core/serialized-model.js';
export * from './trees/tree-ensemble.js';
export * from './prediction/regressor.js';
export * from './preprocessing/index.js';
export * from './clustering/index.js';
export * from './prediction/index.js';
export * from './explain/index.js';
export * from './drift/index.js';
export * from './insights/index.js';
export * from './synthetic/index.js';
