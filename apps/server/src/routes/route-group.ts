/**
 * A route group is one file under routes/: an OpenAPI tag and a `register` function that adds its
 * routes (mounted under /api/v1) with zod schemas and a `config.auth` declaration each. Add the
 * group to ROUTE_GROUPS in routes/index.ts — nothing else changes.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app-deps.js';

/** Fastify instance with the zod type provider (request types inferred from the schemas). */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteGroup {
  /** OpenAPI tag given to every route of the group. */
  readonly tag: string;
  /** Tag description shown in /docs. */
  readonly description: string;
  /** Adds the routes; paths are relative to /api/v1. */
  readonly register: (app: ApiApp, deps: AppDeps) => void;
}

/** Identity helper for a typed route-group definition. */
export const defineRouteGroup = (group: RouteGroup): RouteGroup => group;

/** OpenAPI security requirement for a route: none when public, bearer token or API key otherwise. */
export const securityFor = (auth: string): Record<string, string[]>[] =>
  auth === 'public' ? [] : [{ bearerAuth: [] }, { apiKey: [] }];
