/** Codes the engine raises for bad input; non-convergence is reported in results, never thrown. */
export type EngineErrorCode =
  | 'INVALID_SHAPE'
  | 'NON_FINITE_INPUT'
  | 'INVALID_OPTION'
  | 'EMPTY_INPUT'
  | 'UNKNOWN_MODEL_KIND'
  | 'UNSUPPORTED_MODEL_VERSION'
  | 'MISSING_FEATURE';

/** The engine's only error type: a bad shape, option or serialized model at a public entry point. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: EngineErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}
