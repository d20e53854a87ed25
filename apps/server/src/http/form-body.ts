/**
 * application/x-www-form-urlencoded bodies (the OAuth2 token endpoint). A small parser instead of
 * another dependency: URLSearchParams, last value wins, size limited by the server's bodyLimit.
 */
import type { FastifyInstance } from 'fastify';

export function registerFormBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, text, done) => {
      done(null, Object.fromEntries(new URLSearchParams(text as string)));
    },
  );
}
