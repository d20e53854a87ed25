// Public API of the platform's prediction area.
export {};
