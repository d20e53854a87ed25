/**
 * Mounts mercurius at /graphql (GraphiQL at /graphiql in development only — note it loads its
 * assets from unpkg). Query depth is limited to GRAPHQL_MAX_DEPTH. Errors carry
 * `extensions.code` from the AppError; unknown errors become an opaque INTERNAL_ERROR with the
 * request id.
 */
import { isAppError } from '@cohortlens/platform';
import type { FastifyInstance } from 'fastify';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import mercurius from 'mercurius';
import type { AppDeps } from '../app-deps.js';
import type { GraphqlContext } from './graphql-module.js';
import { GRAPHQL_MODULES } from './modules.js';

export const GRAPHQL_MAX_DEPTH = 8;

function formatError(e: GraphQLError, requestId: string): GraphQLFormattedError {
  const original = e.originalError;
  const where: Pick<GraphQLFormattedError, 'locations' | 'path'> = {
    ...(e.locations ? { locations: e.locations } : {}),
    ...(e.path ? { path: e.path } : {}),
  };
  if (original === undefined || original === null) {
    return { message: e.message, ...where, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  if (isAppError(original) && original.category !== 'internal') {
    return { message: original.message, ...where, extensions: { code: original.code } };
  }
  const code = (original as { code?: unknown }).code;
  if (code === 'MER_ERR_GQL_QUERY_DEPTH')
    return { message: e.message, ...where, extensions: { code: 'GRAPHQL_QUERY_TOO_DEEP' } };
  return { message: 'Internal server error.', ...where, extensions: { code: 'INTERNAL_ERROR', requestId } };
}

export async function registerGraphql(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const typeDefs = ['type Query', ...GRAPHQL_MODULES.map((m) => m.typeDefs)].join('\n');
  const resolvers: Record<string, Record<string, unknown>> = {};
  for (const m of GRAPHQL_MODULES) {
    for (const [type, fields] of Object.entries(m.resolvers))
      resolvers[type] = { ...resolvers[type], ...fields };
  }
  await app.register(mercurius, {
    schema: typeDefs,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    resolvers: resolvers as any,
    graphiql: deps.config.server.environment === 'development',
    queryDepth: GRAPHQL_MAX_DEPTH,
    context: (request): GraphqlContext => ({ deps, request }),
    errorFormatter: (execution, ctx) => {
      const formatted = mercurius.defaultErrorFormatter(execution, ctx);
      const requestId = (ctx as unknown as { reply?: { request: { id: string } } }).reply?.request.id ?? '';
      for (const e of execution.errors) {
        if (!isAppError(e.originalError) && e.originalError)
          ctx.reply.request.log.error({ err: e.originalError }, 'graphql error');
      }
      return {
        statusCode: formatted.statusCode,
        response: {
          data: execution.data ?? null,
          errors: execution.errors.map((e) => formatError(e, requestId)),
        },
      };
    },
  });
}
