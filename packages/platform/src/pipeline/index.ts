// Public API of the platform's pipeline area.
export {};
