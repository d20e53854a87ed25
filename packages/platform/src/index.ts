/**
 * @cohortlens/platform — configuration, database and use cases shared by the CLI, server and jobs.
 */
export * from './errors/app-error.js';
export * from './config/index.js';
export * from './db/index.js';
export * from './customers/index.js';
export * from './segmentation/index.js';
export * from './prediction/index.js';
export * from './drift/index.js';
export * from './reports/index.js';
export * from './datasets/index.js';
export * from './pipeline/index.js';
export * from './identity/index.js';
export * from './consent/index.js';
export * from './recommendations/index.js';
