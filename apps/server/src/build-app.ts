/**
 * buildApp(deps): the whole HTTP application — REST /api/v1 (route groups), /openapi.json, /docs,
 * /graphql — without listening (tests use `app.inject`; server.ts listens). Host, CORS, trusted
 * proxies and body limit come from `deps.config.server`.
 */
import { randomUUID } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.js';
import { registerGraphql } from './graphql/register-graphql.js';
import { registerAuthHook } from './http/auth-hook.js';
import { registerErrorHandlers } from './http/error-handler.js';
import { registerFormBodyParser } from './http/form-body.js';
import { registerOpenApi } from './http/register-openapi.js';
import type { RouteAuth } from './http/route-auth.js';
import { ROUTE_GROUPS } from './routes/index.js';
import type { ApiApp, RouteGroup } from './routes/route-group.js';
import { SERVER_VERSION } from './version.js';

export const API_PREFIX = '/api/v1';

/** One registered route, as recorded by buildApp (for docs and the route-declaration tests). */
export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly auth: RouteAuth | undefined;
}

export interface BuildAppOptions {
  /** Route groups to mount (default ROUTE_GROUPS). */
  readonly routeGroups?: readonly RouteGroup[];
  /** Where JSON logs go (default stdout; the CLI passes stderr so stdout stays its result). */
  readonly logStream?: NodeJS.WritableStream;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its auth declaration. */
    registeredRoutes: RegisteredRoute[];
  }
}

/** Builds the application (plugins loaded, `ready()` awaited). Never listens. */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<ApiApp> {
  const { server, logging } = deps.config;
  const groups = options.routeGroups ?? ROUTE_GROUPS;
  const app = Fastify({
    logger:
      options.logStream === undefined
        ? { level: logging.level }
        : { level: logging.level, stream: options.logStream },
    bodyLimit: server.bodyLimit,
    // Only the configured proxies may set the client address (X-Forwarded-For).
    trustProxy: server.trustedProxies.length > 0 ? [...server.trustedProxies] : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProviderAlias>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandlers(app);
  registerAuthHook(app, deps);
  // After the auth hook's onRoute, which gives plugin routes their 'public' declaration.
  app.decorate('registeredRoutes', [] as RegisteredRoute[]);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      app.registeredRoutes.push({ method, url: route.url, auth: route.config?.auth });
  });
  registerFormBodyParser(app);
  // CSP would break the docs and GraphiQL pages; the API answers JSON only. swagger-ui sets its own CSP.
  await app.register(fastifyHelmet, { contentSecurityPolicy: false });
  await app.register(fastifyCors, {
    origin: [...server.corsOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-API-Key'],
    exposedHeaders: ['Retry-After', 'X-Request-Id', 'WWW-Authenticate'],
    credentials: false,
    maxAge: 600,
  });
  await registerOpenApi(app, groups, SERVER_VERSION);

  for (const group of groups) {
    await app.register(
      async (scope) => {
        // zod compilers only for our routes: mercurius and swagger-ui bring JSON-schema routes.
        scope.setValidatorCompiler(validatorCompiler);
        scope.setSerializerCompiler(serializerCompiler);
        scope.addHook('onRoute', (route) => {
          route.schema = { ...route.schema, tags: route.schema?.tags ?? [group.tag] };
        });
        group.register(scope as unknown as ApiApp, deps);
      },
      { prefix: API_PREFIX },
    );
  }
  await registerGraphql(app, deps);
  await app.ready();
  return app as unknown as ApiApp;
}

type ZodTypeProviderAlias = import('fastify-type-provider-zod').ZodTypeProvider;
