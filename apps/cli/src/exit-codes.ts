/**
 * The one place error categories become process exit codes (documented in docs/cli.md).
 */
import { EngineError } from '@cohortlens/engine';
import { isAppError, type ErrorCategory } from '@cohortlens/platform';

export const EXIT_CODES: Readonly<Record<ErrorCategory | 'ok', number>> = {
  ok: 0,
  internal: 1,
  invalid_input: 2,
  not_found: 3,
  conflict: 4,
  limit: 5,
  unavailable: 6,
  unauthorized: 7,
  forbidden: 8,
};

/** Exit code for a thrown value: AppError by category, EngineError as invalid input, else internal. */
export function exitCodeFor(error: unknown): number {
  if (isAppError(error)) return EXIT_CODES[error.category];
  if (error instanceof EngineError) return EXIT_CODES.invalid_input;
  return EXIT_CODES.internal;
}
