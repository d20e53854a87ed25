/**
 * @cohortlens/server — Fastify REST /api/v1 + OpenAPI docs + GraphQL. buildApp never listens;
 * startServer does.
 */
export { buildApp, API_PREFIX } from './build-app.js';
export type { BuildAppOptions, RegisteredRoute } from './build-app.js';
export { startServer } from './server.js';
export type { StartServerOptions, RunningServer } from './server.js';
export { createAppDeps } from './app-deps.js';
export type { AppDeps, CreateAppDepsOptions } from './app-deps.js';
export { ROUTE_GROUPS } from './routes/index.js';
export { defineRouteGroup, securityFor } from './routes/route-group.js';
export type { RouteGroup, ApiApp } from './routes/route-group.js';
export type { RouteAuth } from './http/route-auth.js';
export { errorResponses, errorBodySchema } from './http/error-response.js';
export { principalOf } from './http/auth-hook.js';
export { HTTP_STATUS } from './http/http-status.js';
export { GRAPHQL_MODULES } from './graphql/modules.js';
export { callerOf } from './graphql/graphql-module.js';
export type { GraphqlModule, GraphqlContext } from './graphql/graphql-module.js';
export { SERVER_VERSION } from './version.js';
