/**
 * The ONE HTTP error handler: AppError category → status (http-status.ts), request-schema
 * failures → 400 VALIDATION_FAILED with one issue per field, Fastify's own body errors → 400
 * INVALID_JSON / 413 BODY_TOO_LARGE / 415 UNSUPPORTED_MEDIA_TYPE, unknown routes → 404
 * ROUTE_NOT_FOUND, anything else → opaque 500 INTERNAL_ERROR (logged with its cause chain; never a
 * stack trace or SQL on the wire). 401 carries `WWW-Authenticate: Bearer`; 429 `Retry-After`.
 */
import { isAppError, type AppError } from '@cohortlens/platform';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from './error-response.js';
import { HTTP_STATUS } from './http-status.js';

export interface HttpError {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Record<string, string>;
}

const body = (
  requestId: string,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
  requestId,
});

const TOKEN_CODES = new Set(['TOKEN_INVALID', 'TOKEN_EXPIRED', 'API_KEY_INVALID', 'API_KEY_REVOKED']);

function fromAppError(e: AppError, requestId: string): HttpError {
  const status = HTTP_STATUS[e.category];
  if (status >= 500 && e.category === 'internal') {
    return { status, body: body(requestId, 'INTERNAL_ERROR', 'Internal server error.'), headers: {} };
  }
  const headers: Record<string, string> = {};
  if (status === 401)
    headers['www-authenticate'] = TOKEN_CODES.has(e.code) ? 'Bearer error="invalid_token"' : 'Bearer';
  const retry = e.details?.retryAfterSeconds;
  if (status === 429 && typeof retry === 'number') headers['retry-after'] = String(retry);
  // Database details name constraints and SQL states: not for the wire.
  const details = e.code.startsWith('DB_') ? undefined : e.details;
  return { status, body: body(requestId, e.code, e.message, details), headers };
}

/** Converts any thrown value into the wire error. Exported for the GraphQL formatter and tests. */
export function toHttpError(error: unknown, requestId: string): HttpError {
  if (isAppError(error)) return fromAppError(error, requestId);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      location: where,
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: v.message ?? 'invalid',
    }));
    return {
      status: 400,
      body: body(requestId, 'VALIDATION_FAILED', `Invalid request ${where}.`, { issues }),
      headers: {},
    };
  }
  const fe = error as Partial<FastifyError>;
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 413)
    return { status, body: body(requestId, 'BODY_TOO_LARGE', 'The request body is too large.'), headers: {} };
  if (status === 415)
    return {
      status,
      body: body(requestId, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported Content-Type.'),
      headers: {},
    };
  if (status === 400 && (error instanceof SyntaxError || /JSON/.test(fe.code ?? ''))) {
    return {
      status,
      body: body(requestId, 'INVALID_JSON', 'The request body is not valid JSON.'),
      headers: {},
    };
  }
  if (status >= 400 && status < 500) {
    return { status, body: body(requestId, 'BAD_REQUEST', fe.message ?? 'Bad request.'), headers: {} };
  }
  return { status: 500, body: body(requestId, 'INTERNAL_ERROR', 'Internal server error.'), headers: {} };
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error, request.id);
    if (http.status >= 500) request.log.error({ err: error, requestId: request.id }, 'request failed');
    else request.log.info({ code: http.body.error.code, status: http.status }, 'request rejected');
    return reply.code(http.status).headers(http.headers).send(http.body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(body(request.id, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );
}
