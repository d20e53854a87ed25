/**
 * The wire format of every error, `{ error: { code, message, details? }, requestId }`, as a zod
 * schema registered under the OpenAPI component name "Error", and the standard error responses
 * each route documents.
 */
import { z } from 'zod';
import type { RouteAuth } from './route-auth.js';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
    requestId: z.string(),
  })
  .meta({ id: 'Error', description: 'Every error answer.' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: VALIDATION_FAILED (details.issues lists each field), INVALID_JSON, or a use-case code',
  401: 'Not authenticated: AUTH_REQUIRED, TOKEN_INVALID, TOKEN_EXPIRED, API_KEY_INVALID, API_KEY_REVOKED (with WWW-Authenticate: Bearer)',
  403: 'Authenticated but not allowed: ROLE_REQUIRED, ROLE_TOO_HIGH',
  404: "Not found in the caller's tenant",
  409: 'Conflict with the current state',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'Rate limited (LOGIN_THROTTLED…), with Retry-After',
  500: 'INTERNAL_ERROR: opaque; quote the requestId',
  503: 'A dependency (the database) is unavailable',
};

const response = (status: number) => errorBodySchema.describe(DESCRIPTIONS[status] ?? 'Error');

/**
 * Error responses for a route: 500 always; 401/403 for authenticated routes; 400 when it takes
 * input; plus `extra` (e.g. 404, 409).
 */
export function errorResponses(
  auth: RouteAuth,
  hasInput: boolean,
  extra: readonly number[] = [],
): Record<number, z.ZodType> {
  const statuses = new Set<number>([500, ...extra]);
  if (auth !== 'public') {
    statuses.add(401);
    statuses.add(403);
  }
  if (hasInput) statuses.add(400);
  return Object.fromEntries([...statuses].sort().map((s) => [s, response(s)]));
}
