// Public API of the platform's recommendations area (natural-language answers).
export * from './sanitize-query.js';
export * from './recommendation-facts.js';
export * from './rule-based-answer.js';
export * from './llm-client.js';
export * from './natural-recommendation.js';
