/**
 * GraphQL analytics fields — the same use cases, roles and tenant scope as REST: `customers`
 * (offset), `customersConnection` (keyset cursor), `customerById`, `segmentProfiles`,
 * `segmentRuns`, `models` (viewer) and `predictSpending` (analyst, stored like REST). Every list
 * is one query (plus one count): no per-item resolvers, so no N+1.
 */
import {
  activeSegmentProfiles,
  AppError,
  countCustomers,
  customersAfter,
  getCustomer,
  listCustomers,
  listModels,
  listSegmentationRuns,
  predictSpending,
  type Customer,
} from '@cohortlens/platform';
import { modelCacheFor, predictionWriterFor } from '../routes/model-cache-for.js';
import { spendingInputSchema, toSpendingInput } from '../routes/prediction-schemas.js';
import { callerOf, type GraphqlModule } from './graphql-module.js';

const customerOut = (c: Customer) => ({
  customerId: c.customerId,
  gender: c.gender,
  age: c.age,
  annualIncome: c.annualIncome,
  spendingScore: c.spendingScore,
  profession: c.profession,
  workExperience: c.workExperience,
  familySize: c.familySize,
});

const encodeCursor = (customerId: string) => Buffer.from(customerId, 'utf8').toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

const badArgument = (message: string, field: string) =>
  new AppError('VALIDATION_FAILED', 'invalid_input', message, {
    details: { issues: [{ location: 'args', path: field, message }] },
  });

const round = (x: number | undefined, digits: number) =>
  x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

interface CustomerInputArgs {
  age: number;
  annualIncome: number;
  workExperience: number;
  familySize: number;
  profession?: string | null;
  gender?: string | null;
}

export const analyticsModule: GraphqlModule = {
  typeDefs: `
    type Customer {
      customerId: String!
      gender: String
      age: Int
      annualIncome: Float
      spendingScore: Float
      profession: String
      workExperience: Int
      familySize: Int
    }
    type CustomerEdge { cursor: String! node: Customer! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type CustomerConnection { edges: [CustomerEdge!]! pageInfo: PageInfo! totalCount: Int! }
    type SegmentProfile {
      clusterId: Int!
      label: String!
      count: Int!
      share: Float!
      "1 decimal"
      meanAge: Float
      "0 decimals"
      meanIncome: Float
      "1 decimal"
      meanSpending: Float
    }
    type SegmentRun { id: ID! algorithm: String! k: Int! active: Boolean! customerCount: Int! createdAt: String! }
    type ModelVersion {
      version: Int!
      algorithm: String!
      target: String!
      active: Boolean!
      "Mean cross-validated R² (null without CV)"
      cvR2: Float
      cvRmse: Float
      createdAt: String!
    }
    type PredictionResult {
      "0–100, 1 decimal"
      predictedSpending: Float!
      "high / medium / low from the interval width (≤ 20, ≤ 40, wider)"
      confidence: String!
      lower: Float!
      upper: Float!
      modelVersion: Int!
    }
    input CustomerInput {
      age: Int!
      annualIncome: Float!
      workExperience: Int!
      familySize: Int!
      profession: String = "Other"
      gender: String
    }
    extend type Query {
      "A page of customers by customer id (viewer); limit 1..1000."
      customers(limit: Int = 50, offset: Int = 0): [Customer!]!
      "Cursor pagination by customer id (viewer); first 1..1000, after = a previous endCursor."
      customersConnection(first: Int = 50, after: String): CustomerConnection!
      "One customer, or null when the tenant has no such id (viewer)."
      customerById(customerId: String!): Customer
      "Profiles of the active segmentation run (viewer); SEGMENTATION_NOT_RUN when none."
      segmentProfiles: [SegmentProfile!]!
      "Segmentation runs, newest first (viewer)."
      segmentRuns(limit: Int = 50): [SegmentRun!]!
      "Spending-model versions, newest first (viewer)."
      models: [ModelVersion!]!
    }
    extend type Mutation {
      "Predicts with the tenant's active model and stores the prediction (analyst); MODEL_NOT_TRAINED when none."
      predictSpending(customer: CustomerInput!): PredictionResult!
    }
  `,
  resolvers: {
    Query: {
      customers: async (_p, args: { limit: number; offset: number }, ctx) => {
        const caller = await callerOf(ctx, 'viewer');
        if (args.limit < 1 || args.limit > 1000) throw badArgument('limit must be 1..1000', 'limit');
        if (args.offset < 0) throw badArgument('offset must be ≥ 0', 'offset');
        const page = await listCustomers(ctx.deps.db, caller.tenantId, {
          limit: args.limit,
          offset: args.offset,
        });
        return page.items.map(customerOut);
      },
      customersConnection: async (_p, args: { first: number; after?: string | null }, ctx) => {
        const caller = await callerOf(ctx, 'viewer');
        if (args.first < 1 || args.first > 1000) throw badArgument('first must be 1..1000', 'first');
        const after = args.after ? decodeCursor(args.after) : null;
        const [page, total] = [
          await customersAfter(ctx.deps.db, caller.tenantId, after, args.first),
          await countCustomers(ctx.deps.db, caller.tenantId),
        ];
        const edges = page.items.map((c) => ({ cursor: encodeCursor(c.customerId), node: customerOut(c) }));
        return {
          edges,
          pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
          totalCount: total,
        };
      },
      customerById: async (_p, args: { customerId: string }, ctx) => {
        const caller = await callerOf(ctx, 'viewer');
        const c = await getCustomer(ctx.deps.db, caller.tenantId, args.customerId);
        return c === null ? null : customerOut(c);
      },
      segmentProfiles: async (_p, _a, ctx) => {
        const caller = await callerOf(ctx, 'viewer');
        const p = await activeSegmentProfiles(ctx.deps.db, caller.tenantId);
        return p.profiles.map((s) => ({
          clusterId: s.segment,
          label: s.label,
          count: s.size,
          share: s.share,
          meanAge: round(s.means.age, 1),
          meanIncome: round(s.means.annual_income, 0),
          meanSpending: round(s.means.spending_score, 1),
        }));
      },
      segmentRuns: async (_p, args: { limit: number }, ctx) => {
        const caller = await callerOf(ctx, 'viewer');
        if (args.limit < 1 || args.limit > 200) throw badArgument('limit must be 1..200', 'limit');
        const runs = await listSegmentationRuns(ctx.deps.db, caller.tenantId, { limit: args.limit });
        return runs.map((r) => ({
          id: r.id,
          algorithm: r.algorithm,
          k: r.k,
          active: r.active,
          customerCount: r.customerCount,
          createdAt: r.createdAt.toISOString(),
        }));
      },
      models: async (_p, _a, ctx) => {
        const caller = await callerOf(ctx, 'viewer');
        return (await listModels(ctx.deps.db, caller.tenantId)).map((m) => {
          const cv = (m.metrics as { crossValidation?: { mean?: { r2?: number; rmse?: number } } | null })
            .crossValidation;
          return {
            version: m.version,
            algorithm: m.algorithm,
            target: m.target,
            active: m.active,
            cvR2: cv?.mean?.r2 ?? null,
            cvRmse: cv?.mean?.rmse ?? null,
            createdAt: m.createdAt.toISOString(),
          };
        });
      },
    },
    Mutation: {
      predictSpending: async (_p, args: { customer: CustomerInputArgs }, ctx) => {
        const caller = await callerOf(ctx, 'analyst');
        const c = args.customer;
        const parsed = spendingInputSchema.safeParse({
          age: c.age,
          annual_income: c.annualIncome,
          work_experience: c.workExperience,
          family_size: c.familySize,
          profession: c.profession ?? undefined,
          gender: c.gender ?? undefined,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw badArgument(
            `customer.${issue.path.join('.')}: ${issue.message}`,
            `customer.${issue.path.join('.')}`,
          );
        }
        const deps = {
          db: ctx.deps.db,
          models: modelCacheFor(ctx.deps),
          writer: predictionWriterFor(ctx.deps),
        };
        const [r] = await predictSpending(deps, caller.tenantId, [toSpendingInput(parsed.data)]);
        return {
          predictedSpending: r.predictedSpending,
          confidence: r.confidence,
          lower: r.lower,
          upper: r.upper,
          modelVersion: r.modelVersion,
        };
      },
    },
  },
};
