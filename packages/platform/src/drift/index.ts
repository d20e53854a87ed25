// Public API of the platform's drift area.
export {};
