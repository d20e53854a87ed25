/**
 * Customers of the tenant: list (filters, whitelisted sort), get (with its segment in the active
 * run), create (plan limit), patch, erase (row + predictions + segment assignments), CSV import
 * (`text/csv` body streamed into the importer, bounded by `server.body_limit`) and CSV export
 * (streamed in the Customers.csv layout, so an export re-imports unchanged).
 */
import { Readable, Transform } from 'node:stream';
import { CUSTOMER_CSV_HEADER, customerToCsvRow } from '@cohortlens/engine';
import {
  createCustomer,
  CUSTOMER_SORT_COLUMNS,
  eraseCustomer,
  getCustomer,
  getCustomerSegment,
  importCustomers,
  listCustomers,
  streamCustomers,
  updateCustomer,
  AppError,
  type Customer,
} from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { defineRouteGroup, securityFor } from './route-group.js';

const fields = {
  gender: z.string().trim().min(1).max(50).nullable(),
  age: z.number().int().min(0).max(120).nullable(),
  annualIncome: z.number().min(0).max(1e9).nullable(),
  spendingScore: z.number().min(0).max(100).nullable(),
  profession: z.string().trim().min(1).max(100).nullable(),
  workExperience: z.number().int().min(0).max(100).nullable(),
  familySize: z.number().int().min(0).max(50).nullable(),
};

export const customerSchema = z
  .object({
    customerId: z.string(),
    ...fields,
    attributes: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Customer' });

/** A stored customer on the wire (ISO dates, no internal row id or tenant). */
export const toCustomerOut = (c: Customer) => ({
  customerId: c.customerId,
  gender: c.gender,
  age: c.age,
  annualIncome: c.annualIncome,
  spendingScore: c.spendingScore,
  profession: c.profession,
  workExperience: c.workExperience,
  familySize: c.familySize,
  attributes: { ...c.attributes },
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

const customerIdParam = z.object({ customerId: z.string().min(1).max(200) });

const notFound = (customerId: string) =>
  new AppError('CUSTOMER_NOT_FOUND', 'not_found', `Customer not found: ${customerId}`, {
    details: { customerId },
  });

/** Passes bytes through and fails with 413 once more than `limit` have gone by. */
function byteLimit(limit: number): Transform & { exceeded: boolean } {
  let seen = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) {
        t.exceeded = true;
        done(Object.assign(new Error('The request body is too large.'), { statusCode: 413 }));
      } else done(null, chunk);
    },
  }) as Transform & { exceeded: boolean };
  t.exceeded = false;
  return t;
}

async function* csvLines(rows: AsyncGenerator<Customer[]>): AsyncGenerator<string> {
  yield `${CUSTOMER_CSV_HEADER}\n`;
  for await (const batch of rows) {
    yield batch.map((c) => `${customerToCsvRow({ ...c, segment: 0 })}\n`).join('');
  }
}

export const customersRoutes = defineRouteGroup({
  tag: 'customers',
  description: 'Customers of the tenant',
  register(app, deps) {
    // The upload stays a stream: the importer pulls it batch by batch.
    app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

    app.get(
      '/customers',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'List customers',
          description:
            'Filters combine with AND. sort is one of the listed fields; ties are broken by customerId.',
          security: securityFor('viewer'),
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(1000).default(50),
            offset: z.coerce.number().int().min(0).default(0),
            gender: z.string().max(50).optional(),
            profession: z.string().max(100).optional(),
            minAge: z.coerce.number().int().min(0).max(120).optional(),
            maxAge: z.coerce.number().int().min(0).max(120).optional(),
            customerIdPrefix: z.string().min(1).max(200).optional(),
            sort: z
              .enum(Object.keys(CUSTOMER_SORT_COLUMNS) as [keyof typeof CUSTOMER_SORT_COLUMNS])
              .default('customerId'),
            order: z.enum(['asc', 'desc']).default('asc'),
          }),
          response: {
            200: z.object({
              customers: z.array(customerSchema),
              total: z.number().int(),
              limit: z.number().int(),
              offset: z.number().int(),
            }),
            ...errorResponses('viewer', true),
          },
        },
      },
      async (request) => {
        const page = await listCustomers(deps.db, principalOf(request).tenantId, request.query);
        return {
          customers: page.items.map(toCustomerOut),
          total: page.total,
          limit: page.limit,
          offset: page.offset,
        };
      },
    );

    app.get(
      '/customers/export',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'Export customers as CSV',
          description:
            'text/csv in the Customers.csv layout (CustomerID, Gender, Age, Annual Income ($), …), streamed in customer-id order.',
          security: securityFor('viewer'),
          produces: ['text/csv'],
          response: { 200: z.string().describe('CSV text'), ...errorResponses('viewer', false) },
        },
      },
      async (request, reply) => {
        const rows = streamCustomers(deps.db, principalOf(request).tenantId, { batchSize: 2000 });
        return (
          reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', 'attachment; filename="customers.csv"')
            // A stream is sent as is (no serialization); the cast satisfies the 200 schema's type.
            .send(Readable.from(csvLines(rows)) as unknown as string)
        );
      },
    );

    app.post(
      '/customers/import',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Import customers from a CSV upload',
          description:
            'Send the file as the body with `Content-Type: text/csv` (at most server.body_limit bytes → 413 BODY_TOO_LARGE). All or nothing; answers the importer report (inserted, updated, unchanged, rejected, rejects). Over the plan: 429 PLAN_CUSTOMER_LIMIT.',
          security: securityFor('analyst'),
          consumes: ['text/csv'],
          body: z.any().describe('CSV text with a header row'),
          response: {
            200: z.object({
              inserted: z.number().int(),
              updated: z.number().int(),
              unchanged: z.number().int(),
              rejected: z.number().int(),
              rejects: z.array(z.record(z.string(), z.unknown())),
              rejectsTruncated: z.boolean(),
              durationMs: z.number(),
            }),
            ...errorResponses('analyst', true, [413, 415, 429]),
          },
        },
      },
      async (request) => {
        if (!(request.body instanceof Readable)) {
          throw Object.assign(new Error('Send the CSV file with Content-Type: text/csv'), {
            statusCode: 415,
          });
        }
        const limit = byteLimit(deps.config.server.bodyLimit);
        const source = request.body.pipe(limit);
        request.body.on('error', (e) => limit.destroy(e));
        try {
          const report = await importCustomers(
            { db: deps.db, config: deps.config },
            { tenantId: principalOf(request).tenantId, source },
          );
          return { ...report, rejects: report.rejects.map((r) => ({ ...r })) };
        } catch (e) {
          if (limit.exceeded)
            throw Object.assign(new Error('The request body is too large.'), { statusCode: 413 });
          throw e;
        }
      },
    );

    app.get(
      '/customers/:customerId',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'Get a customer',
          description:
            "With its segment in the tenant's active segmentation run (null when unassigned). 404 CUSTOMER_NOT_FOUND.",
          security: securityFor('viewer'),
          params: customerIdParam,
          response: {
            200: z.object({ customer: customerSchema, segment: z.number().int().nullable() }),
            ...errorResponses('viewer', true, [404]),
          },
        },
      },
      async (request) => {
        const tenantId = principalOf(request).tenantId;
        const { customerId } = request.params;
        const customer = await getCustomer(deps.db, tenantId, customerId);
        if (customer === null) throw notFound(customerId);
        return {
          customer: toCustomerOut(customer),
          segment: await getCustomerSegment(deps.db, tenantId, customerId),
        };
      },
    );

    app.post(
      '/customers',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Create a customer',
          description:
            "409 CUSTOMER_EXISTS when the id is taken; 429 PLAN_CUSTOMER_LIMIT when the tenant's plan (plans.<plan>.customers) is full.",
          security: securityFor('analyst'),
          body: z
            .object({
              customerId: z.string().trim().min(1).max(200),
              ...fields,
              attributes: z.record(z.string(), z.unknown()),
            })
            .partial()
            .required({ customerId: true })
            .meta({
              example: {
                customerId: 'C-1001',
                gender: 'Female',
                age: 34,
                annualIncome: 72000,
                profession: 'Engineer',
              },
            }),
          response: {
            201: z.object({ customer: customerSchema }),
            ...errorResponses('analyst', true, [409, 429]),
          },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const customer = await createCustomer(deps, principalOf(request).tenantId, {
          customerId: b.customerId,
          gender: b.gender ?? null,
          age: b.age ?? null,
          annualIncome: b.annualIncome ?? null,
          spendingScore: b.spendingScore ?? null,
          profession: b.profession ?? null,
          workExperience: b.workExperience ?? null,
          familySize: b.familySize ?? null,
          attributes: b.attributes ?? {},
        });
        return reply.code(201).send({ customer: toCustomerOut(customer) });
      },
    );

    app.patch(
      '/customers/:customerId',
      {
        config: { auth: 'analyst' },
        schema: {
          summary: 'Update a customer',
          description: 'Only the fields sent change (null clears one). 404 CUSTOMER_NOT_FOUND.',
          security: securityFor('analyst'),
          params: customerIdParam,
          body: z
            .object({ ...fields, attributes: z.record(z.string(), z.unknown()) })
            .partial()
            .refine((b) => Object.keys(b).length > 0, 'send at least one field')
            .meta({ example: { age: 35 } }),
          response: {
            200: z.object({ customer: customerSchema }),
            ...errorResponses('analyst', true, [404]),
          },
        },
      },
      async (request) => {
        const customer = await updateCustomer(
          deps.db,
          principalOf(request).tenantId,
          request.params.customerId,
          request.body,
        );
        return { customer: toCustomerOut(customer) };
      },
    );

    app.delete(
      '/customers/:customerId',
      {
        config: { auth: 'admin' },
        schema: {
          summary: 'Erase a customer',
          description:
            'Right to erasure: deletes the customer row for real, with its stored predictions and segment assignments (admin). 404 CUSTOMER_NOT_FOUND.',
          security: securityFor('admin'),
          params: customerIdParam,
          response: {
            200: z.object({
              customerId: z.string(),
              predictionsDeleted: z.number().int(),
              assignmentsDeleted: z.number().int(),
            }),
            ...errorResponses('admin', true, [404]),
          },
        },
      },
      async (request) => eraseCustomer(deps.db, principalOf(request).tenantId, request.params.customerId),
    );
  },
});
