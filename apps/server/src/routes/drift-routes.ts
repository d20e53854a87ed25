/**
 * Drift (original endpoints 8 and 9, plus an upload check and the history). Snake_case JSON as the
 * original. Roles: reading drift (GET /drift, /drift/history) is `viewer` — it only reports on
 * data the viewer may already read, although each check is recorded in the history; uploading a
 * file and saving a baseline change what later checks compare against, so they need `analyst`.
 */
import { Readable } from 'node:stream';
import {
  checkTenantDrift,
  checkUploadedDrift,
  listDriftChecks,
  saveTenantBaseline,
  type DriftReportDocument,
} from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { defineRouteGroup, securityFor } from './route-group.js';
import { tenantOf } from './tenant-of.js';

const num = z.number().nullable();

const featureDriftSchema = z
  .object({
    test: z.string().meta({ example: 'ks' }),
    statistic: num,
    p_value: num.describe('null for distance-based tests (wasserstein, jensenshannon)'),
    effect_size: num,
    effect_size_name: z.string().meta({ example: 'ks_d' }),
    threshold: num,
    drift: z.boolean(),
    psi: num,
    psi_band: z.string().nullable(),
    psi_alert: z.boolean().nullable().describe('PSI at or above drift.psi_threshold; null for categoricals'),
  })
  .meta({ id: 'FeatureDrift' });

const driftDocumentSchema = {
  features: z
    .record(z.string(), featureDriftSchema)
    .describe('Keyed by customer field; the id is never tested'),
  drift_share: z.number(),
  dataset_drift: z.boolean(),
  drift_share_threshold: z.number(),
  number_of_columns: z.number().int(),
  number_of_drifted_columns: z.number().int(),
  skipped_columns: z.array(z.object({ column: z.string(), reason: z.string() })),
};

const baselineSchema = z
  .object({ id: z.string(), created_at: z.string().describe('ISO 8601'), row_count: z.number().int() })
  .meta({ id: 'DriftBaseline' });

const finite = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : n;

/** The document with non-finite numbers as null (JSON has no NaN). */
export function driftDocumentOut(doc: DriftReportDocument) {
  return {
    features: Object.fromEntries(
      Object.entries(doc.features).map(([name, f]) => [
        name,
        {
          ...f,
          statistic: finite(f.statistic),
          p_value: finite(f.p_value),
          effect_size: finite(f.effect_size),
          threshold: finite(f.threshold),
          psi: finite(f.psi),
        },
      ]),
    ),
    drift_share: doc.drift_share,
    dataset_drift: doc.dataset_drift,
    drift_share_threshold: doc.drift_share_threshold,
    number_of_columns: doc.number_of_columns,
    number_of_drifted_columns: doc.number_of_drifted_columns,
    skipped_columns: doc.skipped_columns,
  };
}

const baselineOut = (b: { id: string; createdAt: string; rowCount: number }) => ({
  id: b.id,
  created_at: b.createdAt,
  row_count: b.rowCount,
});

export const driftRoutes = defineRouteGroup({
  tag: 'drift',
  description:
    "Data drift of the tenant's customers against its saved baseline (per-feature tests with effect sizes, PSI, dataset drift)",
  register(app, deps) {
    // The upload route takes a raw CSV body; the parser lives in this group's scope only.
    app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      '/drift',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: "Drift of the tenant's customers against the active baseline",
          description:
            'Records the check in the history. 404 DRIFT_BASELINE_MISSING when no baseline was saved (save one with POST /drift/save-baseline).',
          security: securityFor('viewer'),
          response: {
            200: z.object({ ...driftDocumentSchema, baseline: baselineSchema }),
            ...errorResponses('viewer', false, [404]),
          },
        },
      },
      async (request) => {
        const result = await checkTenantDrift(
          deps.db,
          await tenantOf(deps, principalOf(request)),
          deps.config,
        );
        return { ...driftDocumentOut(result), baseline: baselineOut(result.baseline) };
      },
    );

    app.post(
      '/drift',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Drift of an uploaded customer CSV',
          description:
            "Body: the CSV itself (Content-Type text/csv, same columns as an import). Compared with the active baseline, or, when none was saved, with the tenant's stored customers (`reference.kind` says which). Nothing is imported; the check is recorded in the history.",
          security: securityFor('analyst'),
          consumes: ['text/csv'],
          body: z.string().min(1).describe('The CSV file (header + rows)'),
          response: {
            200: z.object({
              ...driftDocumentSchema,
              reference: z.object({
                kind: z.enum(['baseline', 'customers']),
                id: z.string().optional(),
                created_at: z.string().optional(),
                row_count: z.number().int(),
              }),
              rows_used: z.number().int(),
              rows_rejected: z.number().int(),
            }),
            ...errorResponses('analyst', true, [415]),
          },
        },
      },
      async (request) => {
        const tenant = await tenantOf(deps, principalOf(request));
        const result = await checkUploadedDrift(deps.db, tenant, deps.config, Readable.from([request.body]));
        const ref = result.reference;
        return {
          ...driftDocumentOut(result),
          reference:
            ref.kind === 'baseline'
              ? { kind: ref.kind, ...baselineOut(ref) }
              : { kind: ref.kind, row_count: ref.rowCount },
          rows_used: result.rowsUsed,
          rows_rejected: result.rowsRejected,
        };
      },
    );

    app.post(
      '/drift/save-baseline',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: "Save the tenant's current customers as the drift baseline",
          description:
            'Stores a compact summary (quantile sketches, category counts — never raw values) in the database and makes it the active baseline; the previous one stays as history.',
          security: securityFor('analyst'),
          body: z.object({}).strict().nullish().describe('No fields; the body may be omitted'),
          response: {
            200: z.object({ status: z.literal('ok'), baseline: baselineSchema }),
            ...errorResponses('analyst', true),
          },
        },
      },
      async (request) => {
        const saved = await saveTenantBaseline(
          deps.db,
          await tenantOf(deps, principalOf(request)),
          deps.config,
        );
        return { status: 'ok' as const, baseline: baselineOut(saved) };
      },
    );

    app.get(
      '/drift/history',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'Past drift checks, newest first',
          security: securityFor('viewer'),
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: {
            200: z.object({
              checks: z.array(
                z.object({
                  id: z.string(),
                  created_at: z.string(),
                  baseline_id: z.string().nullable(),
                  drift_detected: z.boolean(),
                  drift_share: z.number().nullable(),
                  number_of_columns: z.number().int().nullable(),
                  number_of_drifted_columns: z.number().int().nullable(),
                  source: z.enum(['customers', 'upload']),
                }),
              ),
            }),
            ...errorResponses('viewer', true),
          },
        },
      },
      async (request) => {
        const caller = principalOf(request);
        const checks = await listDriftChecks(deps.db, caller.tenantId, { limit: request.query.limit });
        return {
          checks: checks.map((c) => {
            const r = (c.result ?? {}) as Partial<DriftReportDocument> & { source?: string };
            return {
              id: c.id,
              created_at: c.createdAt.toISOString(),
              baseline_id: c.baselineId,
              drift_detected: c.driftDetected,
              drift_share: typeof r.drift_share === 'number' ? r.drift_share : null,
              number_of_columns: typeof r.number_of_columns === 'number' ? r.number_of_columns : null,
              number_of_drifted_columns:
                typeof r.number_of_drifted_columns === 'number' ? r.number_of_drifted_columns : null,
              source: r.source === 'upload' ? ('upload' as const) : ('customers' as const),
            };
          }),
        };
      },
    );
  },
});
