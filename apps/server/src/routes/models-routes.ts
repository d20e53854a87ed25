/**
 * Spending-model versions of the tenant: train a new version (made active), list, activate
 * (rollback / promote). Training or activating invalidates this process's model cache.
 */
import {
  activateModel,
  AppError,
  getTenantById,
  listModels,
  parseSpendingAlgorithm,
  trainModel,
  SPENDING_ALGORITHMS,
  type ModelSummary,
} from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { modelCacheFor } from './model-cache-for.js';
import { defineRouteGroup, securityFor } from './route-group.js';

const metricsSchema = z.object({ mse: z.number(), rmse: z.number(), mae: z.number(), r2: z.number() });

const modelSchema = z
  .object({
    version: z.number().int(),
    algorithm: z.string(),
    target: z.string(),
    active: z.boolean(),
    metrics: z.record(z.string(), z.unknown()),
    parameters: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: 'ModelVersion' });

const toModelOut = (m: ModelSummary) => ({
  version: m.version,
  algorithm: m.algorithm,
  target: m.target,
  active: m.active,
  metrics: { ...m.metrics },
  parameters: { ...m.parameters },
  createdAt: m.createdAt.toISOString(),
});

export const modelsRoutes = defineRouteGroup({
  tag: 'models',
  description: 'Versioned spending models of the tenant',
  register(app, deps) {
    const models = modelCacheFor(deps);

    app.post(
      '/models/train',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Train a new spending-model version',
          description:
            "Trains on the tenant's stored customers with the configured features; the new version becomes active. 400 NO_CUSTOMERS when there are none.",
          security: securityFor('analyst'),
          body: z
            .object({
              algorithm: z.enum([...SPENDING_ALGORITHMS, 'linear']).optional(),
              folds: z.number().int().min(0).max(20).optional(),
              holdout: z.number().min(0).max(0.5).optional(),
            })
            .nullish()
            .meta({ example: { algorithm: 'random_forest', folds: 5 } }),
          response: {
            201: z.object({
              version: z.number().int(),
              algorithm: z.string(),
              target: z.string(),
              features: z.array(z.string()),
              cv: z
                .object({ folds: z.number().int(), perFold: z.array(metricsSchema) })
                .extend(metricsSchema.shape)
                .nullable(),
              holdout: metricsSchema.extend({ rows: z.number().int() }).nullable(),
              interval: z.object({ level: z.number(), halfWidth: z.number() }),
              rowsUsed: z.number().int(),
            }),
            ...errorResponses('analyst', true),
          },
        },
      },
      async (request, reply) => {
        const tenantId = principalOf(request).tenantId;
        const tenant = await getTenantById(deps.db, tenantId);
        if (tenant === null) throw new AppError('TENANT_NOT_FOUND', 'not_found', 'Tenant not found');
        const body = request.body ?? {};
        const result = await trainModel(deps.db, tenant, deps.config, {
          ...(body.algorithm ? { predictionAlgorithm: parseSpendingAlgorithm(body.algorithm) } : {}),
          ...(body.folds !== undefined ? { cvFolds: body.folds } : {}),
          ...(body.holdout !== undefined ? { holdoutFraction: body.holdout } : {}),
        });
        models.invalidateTenant(tenantId);
        return reply.code(201).send(result);
      },
    );

    app.get(
      '/models',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'List model versions',
          description: 'Newest first, without artifacts.',
          security: securityFor('viewer'),
          response: { 200: z.object({ models: z.array(modelSchema) }), ...errorResponses('viewer', false) },
        },
      },
      async (request) => ({
        models: (await listModels(deps.db, principalOf(request).tenantId)).map(toModelOut),
      }),
    );

    app.post(
      '/models/:version/activate',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Make a model version the active one',
          description: '404 MODEL_NOT_FOUND for a version the tenant does not have.',
          security: securityFor('analyst'),
          params: z.object({ version: z.coerce.number().int().min(1) }),
          body: z.object({}).nullish().describe('No fields; may be omitted'),
          response: {
            200: z.object({ version: z.number().int(), active: z.literal(true) }),
            ...errorResponses('analyst', true, [404]),
          },
        },
      },
      async (request) => {
        const tenantId = principalOf(request).tenantId;
        const { version } = request.params;
        if (!(await activateModel(deps.db, tenantId, version))) {
          throw new AppError('MODEL_NOT_FOUND', 'not_found', `No model version ${version}`, {
            details: { version },
          });
        }
        models.invalidateTenant(tenantId);
        return { version, active: true as const };
      },
    );
  },
});
