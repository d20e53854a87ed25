// Public API of the engine's explain area; owned by the helper building it.
export {};
