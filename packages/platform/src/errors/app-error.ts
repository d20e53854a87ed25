/** Transport-neutral error categories; each front end maps them once (HTTP status, GraphQL code, exit code). */
export type ErrorCategory =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'limit'
  | 'unavailable'
  | 'internal';

/** The platform's one error type: a stable code from docs/errors.md, a category, safe details and a cause. */
export class AppError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly details?: Record<string, unknown>;

  constructor(
    code: string,
    category: ErrorCategory,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.category = category;
    this.details = options.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
