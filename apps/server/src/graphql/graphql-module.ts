/**
 * A GraphQL module: SDL (`extend type Query { … }`) plus resolvers. Modules are listed in
 * graphql/modules.ts. Resolvers call `callerOf(ctx, role)` — the same credential resolution and
 * role check as REST — then one platform use case.
 */
import { AppError, requireRole, type Principal } from '@cohortlens/platform';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { resolvePrincipal } from '../http/auth-hook.js';
import type { RouteAuth } from '../http/route-auth.js';

export interface GraphqlContext {
  readonly deps: AppDeps;
  readonly request: FastifyRequest;
  /** Resolved once per request, on the first field that needs it. */
  principal?: Promise<Principal | null>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resolver = (parent: any, args: any, ctx: GraphqlContext) => unknown;

export interface GraphqlModule {
  readonly typeDefs: string;
  readonly resolvers: Record<string, Record<string, Resolver>>;
}

/**
 * The caller of a field that needs `role` ('public' returns null without checking).
 * @throws AppError AUTH_REQUIRED / TOKEN_* / API_KEY_* (unauthorized), ROLE_REQUIRED (forbidden)
 */
export async function callerOf(ctx: GraphqlContext, role: Exclude<RouteAuth, 'public'>): Promise<Principal> {
  ctx.principal ??= resolvePrincipal(ctx.deps, ctx.request);
  const principal = await ctx.principal;
  if (principal === null) {
    throw new AppError(
      'AUTH_REQUIRED',
      'unauthorized',
      'Authentication required. Provide a valid Bearer token or X-API-Key.',
    );
  }
  requireRole(principal, role);
  return principal;
}
