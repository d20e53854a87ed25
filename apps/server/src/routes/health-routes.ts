/**
 * GET /api/v1/health — public and cheap: one `SELECT 1` with a short timeout. Answers 200 with
 * status "degraded" (not 5xx) when the database does not answer, so load balancers can tell a live
 * process with a sick dependency from a dead one.
 */
import { sql, type Db } from '@cohortlens/platform';
import { z } from 'zod';
import { errorResponses } from '../http/error-response.js';
import { SERVER_VERSION } from '../version.js';
import { defineRouteGroup, securityFor } from './route-group.js';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    service: z.literal('cohortlens'),
    version: z.string(),
    database: z.enum(['connected', 'error']),
  })
  .meta({ example: { status: 'ok', service: 'cohortlens', version: '0.1.0', database: 'connected' } });

export type Health = z.infer<typeof healthSchema>;

const DB_TIMEOUT_MS = 2000;

/** Checks the database with `SELECT 1` (2 s timeout). Shared by REST and GraphQL. */
export async function checkHealth(db: Db): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), DB_TIMEOUT_MS);
  });
  const connected = await Promise.race([db.query(sql`SELECT 1`), timeout])
    .then(() => true)
    .catch(() => false)
    .finally(() => clearTimeout(timer));
  return {
    status: connected ? 'ok' : 'degraded',
    service: 'cohortlens',
    version: SERVER_VERSION,
    database: connected ? 'connected' : 'error',
  };
}

export const healthRoutes = defineRouteGroup({
  tag: 'health',
  description: 'Liveness and dependency status',
  register(app, deps) {
    app.get(
      '/health',
      {
        config: { auth: 'public' },
        schema: {
          summary: 'Service health',
          description: 'Public. `degraded` when the database does not answer within 2 s.',
          security: securityFor('public'),
          response: { 200: healthSchema, ...errorResponses('public', false) },
        },
      },
      async () => checkHealth(deps.db),
    );
  },
});
