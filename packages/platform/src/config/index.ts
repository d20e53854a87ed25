// Public API of the platform's config area.
export {};
