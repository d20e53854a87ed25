/**
 * @cohortlens/platform — configuration, database and use cases shared by the CLI, server and jobs.
 */
export * from './errors/app-error.js';
