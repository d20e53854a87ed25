// Public API of the platform's segmentation area.
export * from './segment-table.js';
