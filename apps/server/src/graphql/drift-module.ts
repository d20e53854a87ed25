/**
 * GraphQL `dataDrift` (the original's flattened drift report, camelCase): the same use case, role
 * (viewer) and tenant scope as REST `GET /api/v1/drift`. Without a baseline the field fails with
 * DRIFT_BASELINE_MISSING (the original answered an empty feature list).
 */
import { checkTenantDrift } from '@cohortlens/platform';
import { tenantOf } from '../routes/tenant-of.js';
import { callerOf, type GraphqlModule } from './graphql-module.js';

const finite = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : n;

export const driftModule: GraphqlModule = {
  typeDefs: `
    type DriftFeatureReport {
      featureName: String!
      "ks, chisquare, z, wasserstein or jensenshannon"
      test: String!
      statistic: Float
      "null for distance-based tests"
      pValue: Float
      effectSize: Float
      effectSizeName: String!
      threshold: Float
      driftDetected: Boolean!
      psi: Float
      psiBand: String
      "PSI at or above drift.psi_threshold; null for categoricals"
      psiAlert: Boolean
    }
    type DriftReport {
      "dataset drift: the drifted share reached its threshold"
      driftDetected: Boolean!
      driftShare: Float!
      numFeaturesChecked: Int!
      numFeaturesDrifted: Int!
      baselineId: ID!
      features: [DriftFeatureReport!]!
    }
    extend type Query {
      "Drift of the tenant's customers against its active baseline (viewer). DRIFT_BASELINE_MISSING without one."
      dataDrift: DriftReport!
    }
  `,
  resolvers: {
    Query: {
      dataDrift: async (_p, _a, ctx) => {
        const tenant = await tenantOf(ctx.deps, await callerOf(ctx, 'viewer'));
        const r = await checkTenantDrift(ctx.deps.db, tenant, ctx.deps.config);
        return {
          driftDetected: r.dataset_drift,
          driftShare: r.drift_share,
          numFeaturesChecked: r.number_of_columns,
          numFeaturesDrifted: r.number_of_drifted_columns,
          baselineId: r.baseline.id,
          features: Object.entries(r.features).map(([name, f]) => ({
            featureName: name,
            test: f.test,
            statistic: finite(f.statistic),
            pValue: finite(f.p_value),
            effectSize: finite(f.effect_size),
            effectSizeName: f.effect_size_name,
            threshold: finite(f.threshold),
            driftDetected: f.drift,
            psi: finite(f.psi),
            psiBand: f.psi_band,
            psiAlert: f.psi_alert,
          })),
        };
      },
    },
  },
};
