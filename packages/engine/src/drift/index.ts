// Public API of the engine's drift area; owned by the helper building it.
export {};
