// Repository functions (executor first, tenant-scoped, domain types out).
export * from './tenant-repository.js';
export * from './customer-repository.js';
