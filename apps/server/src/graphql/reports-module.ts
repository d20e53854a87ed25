/**
 * GraphQL reports: `reports` (viewer) and `generateReport` (analyst) — the same use cases, roles
 * and tenant scope as REST /api/v1/reports. The file itself is downloaded over REST (downloadUrl).
 */
import { generateTenantReport, listTenantReports, type ReportRecord } from '@cohortlens/platform';
import { callerOf, type GraphqlModule } from './graphql-module.js';

const downloadUrl = (id: string) => `/api/v1/reports/${id}/download`;

const reportOut = (r: ReportRecord) => ({
  id: r.id,
  format: r.format,
  title: r.title,
  metrics: [...r.metrics],
  figures: [...r.figures],
  sizeBytes: r.sizeBytes,
  createdAt: r.createdAt.toISOString(),
  downloadUrl: downloadUrl(r.id),
});

export const reportsModule: GraphqlModule = {
  typeDefs: `
    enum ReportFormat { html pdf }
    type Report {
      id: ID! format: ReportFormat! title: String! metrics: [String!]! figures: [String!]!
      sizeBytes: Int createdAt: String! downloadUrl: String!
    }
    type ReportResult { status: String! reportId: ID! format: ReportFormat! downloadUrl: String! }
    extend type Query {
      "The tenant's reports, newest first (viewer)."
      reports(limit: Int = 50, offset: Int = 0): [Report!]!
    }
    extend type Mutation {
      "Generates and stores a report (analyst); omitted lists mean the configured defaults."
      generateReport(metrics: [String!], figures: [String!], format: ReportFormat = html): ReportResult!
    }
  `,
  resolvers: {
    Query: {
      reports: async (_p, args: { limit?: number; offset?: number }, ctx) => {
        const limit = Math.min(Math.max(args.limit ?? 50, 1), 200);
        const offset = Math.max(args.offset ?? 0, 0);
        const list = await listTenantReports(ctx.deps.db, await callerOf(ctx, 'viewer'), { limit, offset });
        return list.map(reportOut);
      },
    },
    Mutation: {
      generateReport: async (
        _p,
        args: { metrics?: string[] | null; figures?: string[] | null; format?: 'html' | 'pdf' | null },
        ctx,
      ) => {
        const caller = await callerOf(ctx, 'analyst');
        const report = await generateTenantReport(ctx.deps.db, ctx.deps.config, caller, {
          format: args.format ?? 'html',
          ...(args.metrics ? { metrics: args.metrics } : {}),
          ...(args.figures ? { figures: args.figures } : {}),
        });
        return {
          status: 'ok',
          reportId: report.id,
          format: report.format,
          downloadUrl: downloadUrl(report.id),
        };
      },
    },
  },
};
