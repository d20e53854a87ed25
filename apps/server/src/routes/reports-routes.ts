/**
 * Reports (original endpoint 10 plus list, download and delete). Generating runs the analysis on
 * the tenant's stored customers and stores the rendered bytes in the database (no run is
 * persisted, no file is written); `format` really selects HTML or PDF. Roles: generate and delete
 * are `analyst`, list and download `viewer`. Snake_case JSON as the original.
 *
 * Downloads are attachments with the stored Content-Type. HTML reports are self-contained (inline
 * SVG and styles), so they are served with a CSP that forbids every fetch and script.
 */
import {
  deleteTenantReport,
  generateTenantReport,
  getTenantReportContent,
  listTenantReports,
  type ReportRecord,
} from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { defineRouteGroup, securityFor } from './route-group.js';

/** CSP for served HTML reports: inline styles and data: images only; no scripts, no requests. */
export const REPORT_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const downloadUrl = (id: string) => `/api/v1/reports/${id}/download`;

const reportSchema = z
  .object({
    id: z.string(),
    format: z.enum(['html', 'pdf']),
    title: z.string(),
    metrics: z.array(z.string()),
    figures: z.array(z.string()),
    size_bytes: z.number().int().nullable(),
    created_at: z.string().describe('ISO 8601'),
    download_url: z.string(),
  })
  .meta({ id: 'Report' });

const reportOut = (r: ReportRecord) => ({
  id: r.id,
  format: r.format,
  title: r.title,
  metrics: [...r.metrics],
  figures: [...r.figures],
  size_bytes: r.sizeBytes,
  created_at: r.createdAt.toISOString(),
  download_url: downloadUrl(r.id),
});

const idParams = z.object({ id: z.string().min(1).max(100).describe('Report id') });

export const reportsRoutes = defineRouteGroup({
  tag: 'reports',
  description:
    'Executive reports (HTML or PDF) generated from the tenant’s customers and stored in the database',
  register(app, deps) {
    app.post(
      '/reports/generate',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Generate a report from the tenant’s customers',
          description:
            'Segments, trains and cross-validates on the stored customers (nothing of that is persisted), renders the report and stores it. Unknown names are 400 REPORT_UNKNOWN_METRIC / REPORT_UNKNOWN_FIGURE before any analysis. Omitted lists mean the configured defaults (reporting.metrics / reporting.figures); [] means none.',
          security: securityFor('analyst'),
          body: z
            .object({
              metrics: z.array(z.string().max(50)).max(20).optional().describe('mse, rmse, mae, r2'),
              figures: z
                .array(z.string().max(50))
                .max(20)
                .optional()
                .describe(
                  'clusters, segment_profiles, prediction, feature_importance, correlation, savings, drift',
                ),
              format: z.enum(['html', 'pdf']).default('html'),
            })
            .nullish()
            .transform((b) => b ?? { format: 'html' as const }),
          response: {
            200: z.object({
              status: z.literal('ok'),
              report_id: z.string(),
              format: z.enum(['html', 'pdf']),
              download_url: z.string(),
            }),
            ...errorResponses('analyst', true),
          },
        },
      },
      async (request) => {
        const body = request.body;
        const report = await generateTenantReport(deps.db, deps.config, principalOf(request), {
          format: body.format ?? 'html',
          ...(body.metrics ? { metrics: body.metrics } : {}),
          ...(body.figures ? { figures: body.figures } : {}),
        });
        return {
          status: 'ok' as const,
          report_id: report.id,
          format: report.format,
          download_url: downloadUrl(report.id),
        };
      },
    );

    app.get(
      '/reports',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'The tenant’s reports, newest first (without content)',
          security: securityFor('viewer'),
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.object({ reports: z.array(reportSchema) }), ...errorResponses('viewer', true) },
        },
      },
      async (request) => ({
        reports: (await listTenantReports(deps.db, principalOf(request), request.query)).map(reportOut),
      }),
    );

    app.get(
      '/reports/:id/download',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'Download a report file',
          description:
            'text/html (served with a restrictive Content-Security-Policy) or application/pdf, as an attachment.',
          security: securityFor('viewer'),
          params: idParams,
          produces: ['text/html', 'application/pdf'],
          response: {
            200: z.string().describe('The report file'),
            ...errorResponses('viewer', true, [404]),
          },
        },
      },
      async (request, reply) => {
        const report = await getTenantReportContent(deps.db, principalOf(request), request.params.id);
        const name = `cohortlens-report-${report.createdAt.toISOString().slice(0, 10)}-${report.id.slice(0, 8)}.${report.format}`;
        reply
          .header('content-type', report.contentType)
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'private, no-store');
        if (report.format === 'html') reply.header('content-security-policy', REPORT_HTML_CSP);
        const bytes = Buffer.from(
          report.content.buffer,
          report.content.byteOffset,
          report.content.byteLength,
        );
        // A Buffer bypasses the response serializer; the schema only documents the body as a string.
        return reply.send(bytes as unknown as string);
      },
    );

    app.delete(
      '/reports/:id',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Delete a report',
          security: securityFor('analyst'),
          params: idParams,
          response: { 204: z.undefined().describe('Deleted'), ...errorResponses('analyst', true, [404]) },
        },
      },
      async (request, reply) => {
        await deleteTenantReport(deps.db, principalOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  },
});
