/**
 * OpenAPI 3.1 from the routes' zod schemas (@fastify/swagger + the zod type provider's transforms),
 * served at /openapi.json (the documented address; the UI's /docs/json stays as an alias), and the
 * interactive docs at /docs from the locally installed swagger-ui assets (no CDN).
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { RouteGroup } from '../routes/route-group.js';

export async function registerOpenApi(
  app: FastifyInstance,
  groups: readonly RouteGroup[],
  version: string,
): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CohortLens API',
        version,
        description:
          'Customer analytics: segments, spending predictions with explanations, drift and reports. ' +
          'Errors always have the shape `{ "error": { "code", "message", "details"? }, "requestId" }`. ' +
          'Authenticate with `Authorization: Bearer <access token>` (POST /api/v1/token) or an API key ' +
          '(`X-API-Key: clk_…` or `Authorization: Bearer clk_…`).',
      },
      tags: groups.map((g) => ({ name: g.tag, description: g.description })),
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'Access token from POST /api/v1/token',
          },
          apiKey: {
            type: 'apiKey',
            in: 'header',
            name: 'X-API-Key',
            description: 'Tenant API key clk_<prefix>_<secret>',
          },
        },
      },
    },
    // Only REST routes carry zod schemas; plugin routes (GraphQL, docs assets) stay out of the document.
    transform: (input) =>
      input.url.startsWith('/api/') ? jsonSchemaTransform(input) : { schema: { hide: true }, url: input.url },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { validatorUrl: null, persistAuthorization: false },
  } as Parameters<typeof fastifySwaggerUi>[1]);
  app.get('/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger());
}
