// Public API of the platform's segmentation area.
export {};
