// Public API of the engine's prediction area; owned by the helper building it.
export {};
