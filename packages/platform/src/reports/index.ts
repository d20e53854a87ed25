// Public API of the platform's reports area.
export {};
