// Public API of the platform's pipeline area: the main job and its building blocks.
export * from './analysis-options.js';
export * from './analyze-customers.js';
export * from './build-report-model.js';
export * from './run-pipeline.js';
export * from './run-quickstart.js';
export * from './write-scored-customers.js';
