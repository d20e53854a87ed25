/**
 * Consent (original endpoints 12 and 13), now authenticated and tenant-scoped: registering is
 * `analyst`, reading is `viewer`. Snake_case JSON as the original. The customer must be one of
 * the tenant's (404 CUSTOMER_NOT_FOUND otherwise): consent cannot precede the customer's import.
 */
import { getConsents, registerConsent, type ConsentRecord } from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { defineRouteGroup, securityFor } from './route-group.js';

const consentTypeSchema = z
  .string()
  .min(1)
  .max(64)
  .describe(
    'Lower-case identifier; by convention data_share, marketing or analytics (CONSENT_TYPE_INVALID otherwise)',
  );

const customerIdSchema = z.string().min(1).max(200);

const consentSchema = z
  .object({
    id: z.string(),
    customer_id: z.string(),
    consent_type: z.string(),
    granted: z.boolean(),
    created_at: z.string().describe('ISO 8601'),
  })
  .meta({ id: 'Consent' });

const consentOut = (c: ConsentRecord) => ({
  id: c.id,
  customer_id: c.customerId,
  consent_type: c.consentType,
  granted: c.granted,
  created_at: c.createdAt.toISOString(),
});

export const consentRoutes = defineRouteGroup({
  tag: 'consent',
  description: "Customers' consent decisions (append-only history; the newest entry is the current state)",
  register(app, deps) {
    app.post(
      '/consent/register',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Record a consent decision for one of the tenant’s customers',
          security: securityFor('analyst'),
          body: z.object({
            customer_id: customerIdSchema,
            consent_type: consentTypeSchema,
            granted: z.boolean(),
          }),
          response: {
            200: z.object({ success: z.literal(true), consent: consentSchema }),
            ...errorResponses('analyst', true, [404]),
          },
        },
      },
      async (request) => {
        const consent = await registerConsent(deps.db, principalOf(request), {
          customerId: request.body.customer_id,
          consentType: request.body.consent_type,
          granted: request.body.granted,
        });
        return { success: true as const, consent: consentOut(consent) };
      },
    );

    app.get(
      '/consent/:customerId',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: "A customer's consent history, newest first",
          security: securityFor('viewer'),
          params: z.object({ customerId: customerIdSchema.describe('The customer id (customer_id)') }),
          querystring: z.object({ consent_type: consentTypeSchema.optional() }),
          response: {
            200: z.object({
              consents: z.array(
                z.object({ consent_type: z.string(), granted: z.boolean(), created_at: z.string() }),
              ),
            }),
            ...errorResponses('viewer', true, [404]),
          },
        },
      },
      async (request) => {
        const consents = await getConsents(
          deps.db,
          principalOf(request),
          request.params.customerId,
          request.query.consent_type,
        );
        return { consents: consents.map(consentOut) };
      },
    );
  },
});
