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

interface MercuriusLikeError {
  code?: unknown;
  message: string;
  errors?: unknown;
}

/**
 * mercurius reports request-level failures as one MER_ERR_GQL_VALIDATION error wrapping the real
 * ones (syntax, validation, depth); resolver failures arrive as GraphQLErrors with originalError.
 */
function flatten(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((e) => {
    const m = (e.originalError ?? e) as unknown as MercuriusLikeError;
    return m.code === 'MER_ERR_GQL_VALIDATION' && Array.isArray(m.errors)
      ? (m.errors as GraphQLError[])
      : [e];
  });
}

/** The formatted error, and whether it is unexpected (to be logged). */
function formatError(
  e: GraphQLError,
  requestId: string,
): { formatted: GraphQLFormattedError; unexpected: boolean } {
  const where: Pick<GraphQLFormattedError, 'locations' | 'path'> = {
    ...(e.locations ? { locations: e.locations } : {}),
    ...(e.path ? { path: e.path } : {}),
  };
  const done = (message: string, code: string, unexpected = false, extra: Record<string, unknown> = {}) => ({
    formatted: { message, ...where, extensions: { code, ...extra } },
    unexpected,
  });
  const code = ((e.originalError ?? e) as unknown as MercuriusLikeError).code;
  if (code === 'MER_ERR_GQL_QUERY_DEPTH') return done(e.message, 'GRAPHQL_QUERY_TOO_DEEP');
  const original = e.originalError;
  if (original === undefined || original === null) return done(e.message, 'GRAPHQL_VALIDATION_FAILED');
  if (isAppError(original) && original.category !== 'internal') return done(original.message, original.code);
  return done('Internal server error.', 'INTERNAL_ERROR', true, { requestId });
}

export async function registerGraphql(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const moduleDefs = GRAPHQL_MODULES.map((m) => m.typeDefs);
  // Modules extend the root types; Mutation exists only when some module adds a field to it.
  const roots = [
    'type Query',
    ...(moduleDefs.some((d) => /extend\s+type\s+Mutation\b/.test(d)) ? ['type Mutation'] : []),
  ];
  const typeDefs = [...roots, ...moduleDefs].join('\n');
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
      const errors = flatten(execution.errors).map((e) => {
        const { formatted: f, unexpected } = formatError(e, requestId);
        if (unexpected)
          ctx.reply.request.log.error({ err: e.originalError ?? e, requestId }, 'graphql error');
        return f;
      });
      return { statusCode: formatted.statusCode, response: { data: execution.data ?? null, errors } };
    },
  });
}
