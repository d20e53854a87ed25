/**
 * Tenant API keys for machines: create (secret shown once), list by prefix, revoke.
 */
import { createApiKey, listTenantApiKeys, revokeApiKey } from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { apiKeySchema, roleSchema, toApiKeyOut } from './identity-schemas.js';
import { defineRouteGroup, securityFor } from './route-group.js';

export const apiKeysRoutes = defineRouteGroup({
  tag: 'api-keys',
  description: 'API keys of the tenant (send as X-API-Key or Authorization: Bearer)',
  register(app, deps) {
    app.post(
      '/api-keys',
      {
        config: { auth: 'admin' },
        schema: {
          summary: 'Create an API key',
          description:
            "The role is at most the creator's (403 ROLE_TOO_HIGH). The `secret` is returned once; only its hash is kept.",
          security: securityFor('admin'),
          body: z
            .object({ name: z.string().trim().max(200).default(''), role: roleSchema })
            .meta({ example: { name: 'nightly import', role: 'analyst' } }),
          response: {
            201: z.object({
              apiKey: apiKeySchema,
              secret: z.string().meta({ description: 'Shown once', example: 'clk_1a2b3c4d5e6f_…' }),
            }),
            ...errorResponses('admin', true),
          },
        },
      },
      async (request, reply) => {
        const r = await createApiKey(deps, principalOf(request), request.body);
        return reply.code(201).send({ apiKey: toApiKeyOut(r.apiKey), secret: r.secret });
      },
    );

    app.get(
      '/api-keys',
      {
        config: { auth: 'admin' },
        schema: {
          summary: "List the tenant's API keys",
          security: securityFor('admin'),
          response: { 200: z.object({ apiKeys: z.array(apiKeySchema) }), ...errorResponses('admin', false) },
        },
      },
      async (request) => ({
        apiKeys: (await listTenantApiKeys(deps, principalOf(request))).map(toApiKeyOut),
      }),
    );

    app.delete(
      '/api-keys/:id',
      {
        config: { auth: 'admin' },
        schema: {
          summary: 'Revoke an API key',
          description: 'Idempotent. The key stops working at once (401 API_KEY_REVOKED).',
          security: securityFor('admin'),
          params: z.object({ id: z.uuid() }),
          response: { 204: z.undefined().describe('Revoked'), ...errorResponses('admin', true, [404]) },
        },
      },
      async (request, reply) => {
        await revokeApiKey(deps, principalOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  },
});
