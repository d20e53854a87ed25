// Public API of the platform's db area.
export {};
