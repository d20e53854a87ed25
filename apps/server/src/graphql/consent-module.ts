/**
 * GraphQL consent fields: `consentStatus` (viewer) and `registerConsent` (analyst) — the same use
 * cases, roles and tenant scope as REST /api/v1/consent. registerConsent answers the stored entry
 * (the original answered a bare Boolean that was false on any failure).
 */
import { getConsents, registerConsent, type ConsentRecord } from '@cohortlens/platform';
import { callerOf, type GraphqlModule } from './graphql-module.js';

const entry = (c: ConsentRecord) => ({
  id: c.id,
  customerId: c.customerId,
  consentType: c.consentType,
  granted: c.granted,
  createdAt: c.createdAt.toISOString(),
});

export const consentModule: GraphqlModule = {
  typeDefs: `
    type ConsentEntry { id: ID! customerId: String! consentType: String! granted: Boolean! createdAt: String! }
    input ConsentInput { customerId: String! consentType: String! granted: Boolean! }
    extend type Query {
      "A customer's consent history, newest first (viewer). CUSTOMER_NOT_FOUND for ids not in the tenant."
      consentStatus(customerId: String!, consentType: String): [ConsentEntry!]!
    }
    extend type Mutation {
      "Records a consent decision for one of the tenant's customers (analyst)."
      registerConsent(consent: ConsentInput!): ConsentEntry!
    }
  `,
  resolvers: {
    Query: {
      consentStatus: async (_p, args: { customerId: string; consentType?: string | null }, ctx) => {
        const caller = await callerOf(ctx, 'viewer');
        const list = await getConsents(ctx.deps.db, caller, args.customerId, args.consentType ?? undefined);
        return list.map(entry);
      },
    },
    Mutation: {
      registerConsent: async (
        _p,
        args: { consent: { customerId: string; consentType: string; granted: boolean } },
        ctx,
      ) => entry(await registerConsent(ctx.deps.db, await callerOf(ctx, 'analyst'), args.consent)),
    },
  },
};
