/**
 * Segmentation: the original's POST /segment (assign rows with the ACTIVE run's stored scaler and
 * clusterer; exact original keys or snake_case), segmentation runs (create / list / get) and the
 * active run's profiles.
 */
import {
  activeSegmentProfiles,
  AppError,
  assignSegments,
  getSegmentationRun,
  getTenantById,
  listSegmentationRuns,
  MAX_SEGMENT_ROWS,
  runSegmentation,
  type SegmentationRunSummary,
} from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { modelCacheFor } from './model-cache-for.js';
import { defineRouteGroup, securityFor } from './route-group.js';

const runSummarySchema = z
  .object({
    id: z.string(),
    algorithm: z.string(),
    k: z.number().int(),
    active: z.boolean(),
    customerCount: z.number().int(),
    parameters: z.record(z.string(), z.unknown()),
    metrics: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: 'SegmentationRun' });

const toRunOut = (r: SegmentationRunSummary) => ({
  id: r.id,
  algorithm: r.algorithm,
  k: r.k,
  active: r.active,
  customerCount: r.customerCount,
  parameters: { ...r.parameters },
  metrics: { ...r.metrics },
  createdAt: r.createdAt.toISOString(),
});

const profileSchema = z.object({
  segment: z.number().int(),
  label: z.string(),
  size: z.number().int(),
  share: z.number(),
  means: z.record(z.string(), z.number()),
  categorical: z.record(z.string(), z.record(z.string(), z.number())),
});

const recommendationSchema = z.object({
  segmentId: z.union([z.number(), z.string()]),
  label: z.string().optional(),
  action: z.string(),
  priority: z.string(),
  recommendations: z.array(z.object({ id: z.string(), title: z.string(), rationale: z.string() })),
});

async function tenantOf(deps: Parameters<typeof getTenantById>[0], tenantId: string) {
  const tenant = await getTenantById(deps, tenantId);
  if (tenant === null) throw new AppError('TENANT_NOT_FOUND', 'not_found', 'Tenant not found');
  return tenant;
}

export const segmentsRoutes = defineRouteGroup({
  tag: 'segmentation',
  description: 'Customer segmentation runs and segment assignment',
  register(app, deps) {
    const models = modelCacheFor(deps);

    app.post(
      '/segment',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Assign rows to segments (original API)',
          description: `A JSON array of objects with "Age", "Annual Income ($)", "Spending Score (1-100)" (exact original keys; snake_case age / annual_income / spending_score also accepted) and an optional "CustomerID" (ignored). Answers {clusters} in input order from the active run; DBSCAN gives -1 for noise. At most ${MAX_SEGMENT_ROWS} rows. 400 SEGMENT_COLUMN_MISSING names the missing column; 404 SEGMENTATION_NOT_RUN.`,
          security: securityFor('analyst'),
          body: z
            .array(z.record(z.string(), z.unknown()))
            .max(MAX_SEGMENT_ROWS)
            .meta({
              example: [{ CustomerID: 1, Age: 19, 'Annual Income ($)': 15000, 'Spending Score (1-100)': 39 }],
            }),
          response: {
            200: z.object({ clusters: z.array(z.number().int()) }),
            ...errorResponses('analyst', true, [404]),
          },
        },
      },
      async (request) => {
        const r = await assignSegments({ db: deps.db, models }, principalOf(request).tenantId, request.body);
        return { clusters: r.clusters };
      },
    );

    app.post(
      '/segments/runs',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: "Segment the tenant's customers (new active run)",
          description:
            'Fits the scaler and clusterer on the stored customers, stores assignments, profiles and the artifact, and makes the run active. k: a number or "auto" (silhouette search).',
          security: securityFor('analyst'),
          body: z
            .object({
              algorithm: z.enum(['kmeans', 'gmm', 'dbscan']).optional(),
              k: z.union([z.number().int().min(2).max(50), z.literal('auto')]).optional(),
              features: z
                .array(z.enum(['age', 'annual_income', 'spending_score', 'work_experience', 'family_size']))
                .min(1)
                .max(5)
                .optional(),
            })
            .nullish()
            .meta({ example: { algorithm: 'kmeans', k: 'auto' } }),
          response: {
            201: z.object({
              runId: z.string(),
              algorithm: z.string(),
              k: z.number().int(),
              silhouette: z.number().nullable(),
              inertia: z.number(),
              sizes: z.record(z.string(), z.number()),
              profiles: z.array(z.record(z.string(), z.unknown())),
              kSelection: z.record(z.string(), z.unknown()),
              rowsUsed: z.number().int(),
              warnings: z.array(z.string()),
            }),
            ...errorResponses('analyst', true),
          },
        },
      },
      async (request, reply) => {
        const tenantId = principalOf(request).tenantId;
        const body = request.body ?? {};
        const result = await runSegmentation(deps.db, await tenantOf(deps.db, tenantId), deps.config, {
          ...(body.algorithm ? { segmentationAlgorithm: body.algorithm } : {}),
          ...(body.k !== undefined ? { k: body.k } : {}),
          ...(body.features ? { segmentationFeatures: body.features } : {}),
        });
        models.invalidateTenant(tenantId);
        return reply.code(201).send({
          ...result,
          profiles: result.profiles.map((p) => ({ ...p })),
          kSelection: { ...result.kSelection },
        });
      },
    );

    app.get(
      '/segments/runs',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'List segmentation runs',
          description: 'Newest first, without profiles and artifacts.',
          security: securityFor('viewer'),
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ runs: z.array(runSummarySchema) }), ...errorResponses('viewer', true) },
        },
      },
      async (request) => ({
        runs: (await listSegmentationRuns(deps.db, principalOf(request).tenantId, request.query)).map(
          toRunOut,
        ),
      }),
    );

    app.get(
      '/segments/runs/:id',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'Get a segmentation run',
          description:
            "With its stored profiles. 404 SEGMENTATION_RUN_NOT_FOUND for a run the tenant doesn't have.",
          security: securityFor('viewer'),
          params: z.object({ id: z.string().max(100) }),
          response: {
            200: runSummarySchema.extend({ profiles: z.unknown() }),
            ...errorResponses('viewer', true, [404]),
          },
        },
      },
      async (request) => {
        const run = await getSegmentationRun(deps.db, principalOf(request).tenantId, request.params.id);
        if (run === null) {
          throw new AppError(
            'SEGMENTATION_RUN_NOT_FOUND',
            'not_found',
            `No segmentation run ${request.params.id}`,
            {
              details: { id: request.params.id },
            },
          );
        }
        return { ...toRunOut(run), profiles: run.profiles };
      },
    );

    app.get(
      '/segments/profiles',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: "Profiles of the active run's segments",
          description:
            'Labels, sizes, feature means and recommendations, as stored with the run. 404 SEGMENTATION_NOT_RUN.',
          security: securityFor('viewer'),
          response: {
            200: z.object({
              runId: z.string(),
              algorithm: z.string(),
              k: z.number().int(),
              createdAt: z.string(),
              labels: z.record(z.string(), z.string()),
              sizes: z.record(z.string(), z.number()),
              profiles: z.array(profileSchema),
              recommendations: z.array(recommendationSchema),
            }),
            ...errorResponses('viewer', false, [404]),
          },
        },
      },
      async (request) => {
        const p = await activeSegmentProfiles(deps.db, principalOf(request).tenantId);
        return { ...p, createdAt: p.createdAt.toISOString() };
      },
    );
  },
});
