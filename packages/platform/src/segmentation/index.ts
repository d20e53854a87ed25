// Public API of the platform's segmentation area.
export * from './segment-table.js';
export * from './segment-customer-file.js';
export * from './run-segmentation.js';
export * from './assign-segments.js';
export * from './segment-profiles.js';
