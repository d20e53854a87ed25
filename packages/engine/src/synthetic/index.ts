// Public API of the engine's synthetic area; owned by the helper building it.
export {};
