// Public API of the platform's prediction area.
export * from './train-spending-model.js';
export * from './explain-spending.js';
export * from './describe-model.js';
export * from './evaluate-customer-file.js';
export * from './explain-customer-file.js';
export * from './train-model.js';
export * from './active-model-cache.js';
export * from './predict-spending.js';
export * from './prediction-writer.js';
