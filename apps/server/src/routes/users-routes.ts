/**
 * The caller and the tenant's users: GET /me, GET/POST /users, PATCH /users/{id}. Invitations
 * create the user with a random initial password returned once (no e-mail delivery exists yet).
 */
import { changePassword, getMe, inviteUser, listTenantUsers, updateUser } from '@cohortlens/platform';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { errorResponses } from '../http/error-response.js';
import { roleSchema, tenantSchema, toTenantOut, toUserOut, userSchema } from './identity-schemas.js';
import { defineRouteGroup, securityFor } from './route-group.js';

const meSchema = z.object({
  kind: z.enum(['user', 'api_key']),
  role: roleSchema,
  tenant: tenantSchema,
  user: userSchema.nullable().describe('null when calling with an API key'),
  apiKeyId: z.uuid().nullable(),
});

const idParams = z.object({ id: z.uuid() });

export const usersRoutes = defineRouteGroup({
  tag: 'users',
  description: 'The caller and the users of its tenant',
  register(app, deps) {
    app.get(
      '/me',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'Who am I',
          security: securityFor('viewer'),
          response: { 200: meSchema, ...errorResponses('viewer', false) },
        },
      },
      async (request) => {
        const me = await getMe(deps, principalOf(request));
        return {
          kind: me.principal.kind,
          role: me.principal.role,
          tenant: toTenantOut(me.tenant),
          user: me.user === null ? null : toUserOut(me.user),
          apiKeyId: me.principal.apiKeyId,
        };
      },
    );

    app.post(
      '/me/password',
      {
        config: { auth: 'viewer' },
        schema: {
          summary: 'Change my password',
          description:
            'For users (403 USER_CREDENTIAL_REQUIRED with an API key). 400 CURRENT_PASSWORD_WRONG (counts against ' +
            'the login throttle) or PASSWORD_TOO_SHORT. Every refresh token of the user is revoked.',
          security: securityFor('viewer'),
          body: z
            .object({
              currentPassword: z.string().min(1).max(1024),
              newPassword: z.string().min(1).max(1024),
            })
            .meta({ example: { currentPassword: 'x8Jd…initial', newPassword: 'a much longer passphrase' } }),
          response: { 204: z.undefined().describe('Changed'), ...errorResponses('viewer', true, [429]) },
        },
      },
      async (request, reply) => {
        await changePassword(deps, principalOf(request), { ...request.body, address: request.ip });
        return reply.code(204).send();
      },
    );

    app.get(
      '/users',
      {
        config: { auth: 'admin' },
        schema: {
          summary: "List the tenant's users",
          security: securityFor('admin'),
          response: { 200: z.object({ users: z.array(userSchema) }), ...errorResponses('admin', false) },
        },
      },
      async (request) => ({ users: (await listTenantUsers(deps, principalOf(request))).map(toUserOut) }),
    );

    app.post(
      '/users',
      {
        config: { auth: 'admin' },
        schema: {
          summary: 'Invite a user',
          description:
            "Creates the user in the caller's tenant with a role at most the caller's (403 ROLE_TOO_HIGH) and returns " +
            'a random initial password ONCE. 409 EMAIL_TAKEN when the email has an account (in any tenant).',
          security: securityFor('admin'),
          body: z
            .object({ email: z.email().max(320), role: roleSchema })
            .meta({ example: { email: 'ana@example.com', role: 'analyst' } }),
          response: {
            201: z.object({ user: userSchema, initialPassword: z.string().describe('Shown once') }),
            ...errorResponses('admin', true, [409]),
          },
        },
      },
      async (request, reply) => {
        const r = await inviteUser(deps, principalOf(request), request.body);
        return reply.code(201).send({ user: toUserOut(r.user), initialPassword: r.initialPassword });
      },
    );

    app.patch(
      '/users/:id',
      {
        config: { auth: 'admin' },
        schema: {
          summary: 'Change a role or (de)activate a user',
          description:
            'Deactivation takes effect at once (access tokens and refresh tokens stop working). The caller cannot act ' +
            'on a user above its own role, grant above it, or remove the last active owner (409 LAST_OWNER).',
          security: securityFor('admin'),
          params: idParams,
          body: z
            .object({ role: roleSchema.optional(), active: z.boolean().optional() })
            .refine((b) => b.role !== undefined || b.active !== undefined, 'give role and/or active')
            .meta({ example: { role: 'viewer' } }),
          response: { 200: userSchema, ...errorResponses('admin', true, [404, 409]) },
        },
      },
      async (request) =>
        toUserOut(await updateUser(deps, principalOf(request), request.params.id, request.body)),
    );
  },
});
