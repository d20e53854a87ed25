/**
 * Response shapes of the identity routes (camelCase, per the API conventions) and the mappers
 * from platform types. Shared by REST and GraphQL.
 */
import { ROLES, type ApiKey, type Tenant, type User } from '@cohortlens/platform';
import { z } from 'zod';

export const roleSchema = z.enum(ROLES).describe('viewer < analyst < admin < owner');

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    active: z.boolean(),
    createdAt: z.string().describe('ISO 8601'),
    updatedAt: z.string().describe('ISO 8601'),
  })
  .meta({
    id: 'User',
    example: {
      id: '7d0f3c1e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      email: 'ana@example.com',
      role: 'analyst',
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  });

export const tenantSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), plan: z.string() })
  .meta({ id: 'Tenant', example: { id: '0b7c…', slug: 'example-ltd', name: 'Example Ltd', plan: 'basic' } });

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('Public part: the key reads clk_<prefix>_<secret>'),
    role: roleSchema,
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().describe('Updated at most once a minute'),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const toUserOut = (u: User): z.infer<typeof userSchema> => ({
  id: u.id,
  email: u.email,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export const toTenantOut = (t: Tenant): z.infer<typeof tenantSchema> => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  plan: t.plan,
});

export const toApiKeyOut = (k: ApiKey): z.infer<typeof apiKeySchema> => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  createdBy: k.createdBy,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});
