/**
 * Spending predictions (the original's POST /predict-spending and explain routes, snake_case
 * fields kept): single row, batch, and SHAP / LIME explanations, all from the tenant's ACTIVE
 * model (cached deserialized per process). Every prediction is stored with its features.
 */
import {
  allCustomerInputs,
  AppError,
  customerAsInput,
  explainSpendingInput,
  getCustomer,
  MAX_PREDICTION_BATCH,
  predictSpending,
  storedCustomerInputs,
  type SpendingExplanation,
  type StoredCustomerInputs,
} from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { modelCacheFor, predictionWriterFor } from './model-cache-for.js';
import {
  explanationOutSchema,
  predictionOutSchema,
  spendingInputQuerySchema,
  spendingInputSchema,
  toPredictionOut,
  toSpendingInput,
} from './prediction-schemas.js';
import { defineRouteGroup, securityFor } from './route-group.js';

const toExplanationOut = (e: SpendingExplanation) => ({
  method: e.method,
  algorithm: e.algorithm,
  base_value: e.baseValue,
  prediction: e.prediction,
  contributions: e.contributions.map((c) => ({
    feature: c.feature,
    value: c.value ?? null,
    contribution: c.contribution,
  })),
  model_version: e.modelVersion,
});

const batchBodySchema = z
  .union([
    z.object({ customers: z.array(spendingInputSchema).min(1).max(MAX_PREDICTION_BATCH) }),
    z.object({ customer_ids: z.array(z.string().min(1).max(200)).min(1).max(MAX_PREDICTION_BATCH) }),
    z.object({
      all: z.literal(true),
      after: z
        .string()
        .max(200)
        .optional()
        .meta({ description: 'Continue after this customer_id (next_after)' }),
    }),
  ])
  .meta({
    description: `One of: customers (inputs), customer_ids (stored customers), or all: true (stored customers by customer_id, ${MAX_PREDICTION_BATCH} per call; continue with after = next_after)`,
    example: { customer_ids: ['1', '2'] },
  });

export const predictionRoutes = defineRouteGroup({
  tag: 'prediction',
  description: "Spending-score predictions from the tenant's active model",
  register(app, deps) {
    const models = modelCacheFor(deps);
    const ucDeps = { db: deps.db, models, writer: predictionWriterFor(deps) };

    app.post(
      '/predict-spending',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Predict the spending score of one customer',
          description:
            'The original body (snake_case) plus an optional gender. 409 MODEL_NOT_TRAINED when the tenant has no active model. The prediction is stored with its features.',
          security: securityFor('analyst'),
          body: spendingInputSchema,
          response: { 200: predictionOutSchema, ...errorResponses('analyst', true, [409]) },
        },
      },
      async (request) => {
        const [result] = await predictSpending(ucDeps, principalOf(request).tenantId, [
          toSpendingInput(request.body),
        ]);
        return toPredictionOut(result);
      },
    );

    app.post(
      '/predict-spending/batch',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Predict the spending score of many customers',
          description: `Up to ${MAX_PREDICTION_BATCH} rows per call, stored in one statement. customer_ids not in the tenant → 404 CUSTOMER_NOT_FOUND (details.missing).`,
          security: securityFor('analyst'),
          body: batchBodySchema,
          response: {
            200: z.object({
              model_version: z.number().int(),
              count: z.number().int(),
              predictions: z.array(predictionOutSchema.extend({ customer_id: z.string().nullable() })),
              next_after: z.string().nullable(),
            }),
            ...errorResponses('analyst', true, [404, 409]),
          },
        },
      },
      async (request) => {
        const tenantId = principalOf(request).tenantId;
        const body = request.body;
        let source: StoredCustomerInputs | null = null;
        if ('customer_ids' in body) source = await storedCustomerInputs(deps.db, tenantId, body.customer_ids);
        else if ('all' in body)
          source = await allCustomerInputs(deps.db, tenantId, { after: body.after ?? null });
        const inputs = source?.inputs ?? ('customers' in body ? body.customers.map(toSpendingInput) : []);
        const results = await predictSpending(ucDeps, tenantId, inputs, {
          customerIds: source?.customerIds,
        });
        const version =
          results[0]?.modelVersion ?? (await models.spendingModel(deps.db, tenantId))?.version ?? 0;
        return {
          model_version: version,
          count: results.length,
          predictions: results.map((r) => ({ ...toPredictionOut(r), customer_id: r.customerId })),
          next_after: source?.nextAfter ?? null,
        };
      },
    );

    app.get(
      '/predict-spending/explain',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Explain a spending prediction (SHAP or LIME)',
          description:
            "Contributions of each original feature against the model's training background (the original explained a row against itself). method=shap (default) or lime.",
          security: securityFor('analyst'),
          querystring: spendingInputQuerySchema,
          response: { 200: explanationOutSchema, ...errorResponses('analyst', true, [409]) },
        },
      },
      async (request) => {
        const { method, ...input } = request.query;
        const e = await explainSpendingInput(
          ucDeps,
          principalOf(request).tenantId,
          toSpendingInput(input),
          method,
        );
        return toExplanationOut(e);
      },
    );

    app.get(
      '/predict-spending/:customerId/explain',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: "Explain a stored customer's spending prediction",
          description: "404 CUSTOMER_NOT_FOUND for an id the tenant doesn't have.",
          security: securityFor('analyst'),
          params: z.object({ customerId: z.string().min(1).max(200) }),
          querystring: z.object({ method: z.enum(['shap', 'lime']).default('shap') }),
          response: { 200: explanationOutSchema, ...errorResponses('analyst', true, [404, 409]) },
        },
      },
      async (request) => {
        const tenantId = principalOf(request).tenantId;
        const id = request.params.customerId;
        const customer = await getCustomer(deps.db, tenantId, id);
        if (customer === null) {
          throw new AppError('CUSTOMER_NOT_FOUND', 'not_found', `Customer not found: ${id}`, {
            details: { customerId: id },
          });
        }
        const e = await explainSpendingInput(
          ucDeps,
          tenantId,
          customerAsInput(customer),
          request.query.method,
        );
        return toExplanationOut(e);
      },
    );
  },
});
