/**
 * The ONE mapping from AppError categories to HTTP statuses.
 */
import type { ErrorCategory } from '@cohortlens/platform';

export const HTTP_STATUS: Readonly<Record<ErrorCategory, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  limit: 429,
  unavailable: 503,
  internal: 500,
};
