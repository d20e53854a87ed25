/**
 * GraphQL: `health` (public, the original's `String!` "ok"/"degraded") and `me`.
 */
import { getMe } from '@cohortlens/platform';
import { checkHealth } from '../routes/health-routes.js';
import { toTenantOut, toUserOut } from '../routes/identity-schemas.js';
import { callerOf, type GraphqlModule } from './graphql-module.js';

export const identityModule: GraphqlModule = {
  typeDefs: `
    enum Role { viewer analyst admin owner }
    type Tenant { id: ID! slug: String! name: String! plan: String! }
    type User { id: ID! email: String! role: Role! active: Boolean! createdAt: String! updatedAt: String! }
    type Me {
      "user or api_key"
      kind: String!
      role: Role!
      tenant: Tenant!
      "null when calling with an API key"
      user: User
      apiKeyId: ID
    }
    extend type Query {
      "ok, or degraded when the database does not answer. Public."
      health: String!
      "The caller (any role)."
      me: Me!
    }
  `,
  resolvers: {
    Query: {
      health: async (_p, _a, ctx) => (await checkHealth(ctx.deps.db)).status,
      me: async (_p, _a, ctx) => {
        const me = await getMe(ctx.deps, await callerOf(ctx, 'viewer'));
        return {
          kind: me.principal.kind,
          role: me.principal.role,
          tenant: toTenantOut(me.tenant),
          user: me.user === null ? null : toUserOut(me.user),
          apiKeyId: me.principal.apiKeyId,
        };
      },
    },
  },
};
