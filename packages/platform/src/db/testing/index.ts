// Test helpers of the db area (import from tests only).
export { createTestDb } from './create-test-db.js';
export type { CreateTestDbOptions } from './create-test-db.js';
export { createTestTenant } from './test-tenant.js';
