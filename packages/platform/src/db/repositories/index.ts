// Repository functions (executor first, tenant-scoped, domain types out).
export * from './tenant-repository.js';
export * from './customer-repository.js';
export * from './segmentation-run-repository.js';
export * from './model-repository.js';
export * from './prediction-repository.js';
export * from './drift-repository.js';
export * from './report-repository.js';
