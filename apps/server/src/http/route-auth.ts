/**
 * Every route declares who may call it in its config: `{ auth: 'public' }` or the minimum role
 * (`{ auth: 'analyst' }`). One hook (auth-hook.ts) enforces it; a route without a declaration
 * fails closed with 500 ROUTE_AUTH_UNDECLARED (and a test lists such routes).
 */
import type { Principal, Role } from '@cohortlens/platform';

export type RouteAuth = 'public' | Role;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: 'public' or the minimum role. */
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    /** The caller, set by the auth hook on non-public routes (null on public ones). */
    principal: Principal | null;
  }
}
