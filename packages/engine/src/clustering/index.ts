// Public API of the engine's clustering area; owned by the helper building it.
export {};
