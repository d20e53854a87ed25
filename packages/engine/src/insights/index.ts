// Public API of the engine's insights area; owned by the helper building it.
export {};
