/**
 * The one authentication/authorisation hook. Reads the route's `config.auth`, resolves the caller
 * from `X-API-Key` or `Authorization: Bearer` (access token or API key) and checks the role.
 * The tenant always comes from the credential; routes read it from `request.principal`.
 */
import { AppError, authenticate, requireRole, type Principal } from '@cohortlens/platform';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import './route-auth.js';

/**
 * Routes added by plugins are public: the docs UI, the GraphQL endpoint (which checks roles per
 * field) and the CORS preflight catch-all.
 */
const PLUGIN_PUBLIC_ROUTE = /^(\/docs(\/|$)|\/graphql$|\/graphiql(\/|$)|\*$)/;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Resolves the caller from the request's headers (null when no credential was sent). */
export const resolvePrincipal = (deps: AppDeps, request: FastifyRequest): Promise<Principal | null> =>
  authenticate(deps, {
    authorization: header(request, 'authorization'),
    apiKey: header(request, 'x-api-key'),
  });

/** Installs the route-declaration default for plugin routes and the auth hook. Call before routes. */
export function registerAuthHook(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (route.config?.auth === undefined && PLUGIN_PUBLIC_ROUTE.test(route.url ?? '')) {
      route.config = { ...route.config, auth: 'public' };
    }
  });
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) {
      throw new AppError(
        'ROUTE_AUTH_UNDECLARED',
        'internal',
        `Route ${request.routeOptions.url} declares no auth.`,
      );
    }
    if (auth === 'public') return;
    const principal = await resolvePrincipal(deps, request);
    if (principal === null) {
      throw new AppError(
        'AUTH_REQUIRED',
        'unauthorized',
        'Authentication required: send "Authorization: Bearer <token>" or "X-API-Key".',
      );
    }
    requireRole(principal, auth);
    request.principal = principal;
  });
}

/** The caller of an authenticated route (the hook guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null)
    throw new AppError('AUTH_REQUIRED', 'unauthorized', 'Authentication required.');
  return request.principal;
}
