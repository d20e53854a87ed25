// Public API of the engine's preprocessing area; owned by the helper building it.
export {};
