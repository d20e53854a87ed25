// Public API of the platform's customers area.
export {};
