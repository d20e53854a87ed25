// Public API of the platform's consent area.
export * from './consent-repository.js';
export * from './manage-consents.js';
