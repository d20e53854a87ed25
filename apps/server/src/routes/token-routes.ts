/**
 * Accounts and sessions: POST /token (OAuth2 password form, as the original), /token/refresh
 * (rotation), /auth/logout, /auth/register. Field names are snake_case here because the token
 * answer follows OAuth2 (RFC 6749 §5.1) and the original API.
 */
import {
  loginWithPassword,
  logoutSession,
  refreshSession,
  registerAccount,
  type TokenPair,
} from '@cohortlens/platform';
import { z } from 'zod';
import { errorResponses } from '../http/error-response.js';
import { defineRouteGroup, securityFor } from './route-group.js';

export const tokenResponseSchema = z
  .object({
    access_token: z.string().describe('HS256 JWT; send as Authorization: Bearer'),
    token_type: z.literal('bearer'),
    expires_in: z.number().int().describe('Access-token lifetime in seconds'),
    refresh_token: z.string().describe('Opaque, single use: exchange at /api/v1/token/refresh'),
  })
  .meta({
    id: 'TokenResponse',
    example: {
      access_token: 'eyJhbGciOiJIUzI1NiIs…',
      token_type: 'bearer',
      expires_in: 900,
      refresh_token: 'clr_3q2…',
    },
  });

export const toTokenResponse = (t: TokenPair): z.infer<typeof tokenResponseSchema> => ({
  access_token: t.accessToken,
  token_type: t.tokenType,
  expires_in: t.expiresIn,
  refresh_token: t.refreshToken,
});

const refreshBody = z.object({ refresh_token: z.string().min(1).max(200) });
const password = z
  .string()
  .min(1)
  .max(1024)
  .describe('At least 12 characters (PASSWORD_TOO_SHORT otherwise)');

export const tokenRoutes = defineRouteGroup({
  tag: 'auth',
  description: 'Log in, refresh, log out, sign up',
  register(app, deps) {
    app.post(
      '/token',
      {
        config: { auth: 'public' },
        schema: {
          summary: 'Log in (OAuth2 password grant)',
          description:
            'Form fields `username` (the email) and `password`. Wrong credentials answer 401 INVALID_CREDENTIALS; ' +
            '5 failures per account or 20 per address within 15 minutes answer 429 LOGIN_THROTTLED with Retry-After.',
          consumes: ['application/x-www-form-urlencoded'],
          security: securityFor('public'),
          body: z
            .object({
              username: z.string().min(1).max(320).describe('The account email'),
              password: z.string().min(1).max(1024),
              grant_type: z.literal('password').optional(),
              scope: z.string().optional().describe('Ignored'),
            })
            .meta({ example: { username: 'owner@example.com', password: 'correct horse battery' } }),
          response: { 200: tokenResponseSchema, ...errorResponses('public', true, [401, 429]) },
        },
      },
      async (request) =>
        toTokenResponse(
          await loginWithPassword(deps, {
            email: request.body.username,
            password: request.body.password,
            address: request.ip,
          }),
        ),
    );

    app.post(
      '/token/refresh',
      {
        config: { auth: 'public' },
        schema: {
          summary: 'Exchange a refresh token for a new pair',
          description:
            'Refresh tokens rotate: each is accepted once. Presenting a spent one revokes every token of that login ' +
            '(401 REFRESH_TOKEN_REUSED).',
          security: securityFor('public'),
          body: refreshBody,
          response: { 200: tokenResponseSchema, ...errorResponses('public', true, [401]) },
        },
      },
      async (request) => toTokenResponse(await refreshSession(deps, request.body.refresh_token)),
    );

    app.post(
      '/auth/logout',
      {
        config: { auth: 'public' },
        schema: {
          summary: 'Log out',
          description:
            'Revokes the refresh token and its rotation family. Always 204 (unknown tokens included).',
          security: securityFor('public'),
          body: refreshBody,
          response: { 204: z.undefined().describe('Logged out'), ...errorResponses('public', true) },
        },
      },
      async (request, reply) => {
        await logoutSession(deps, request.body.refresh_token);
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/register',
      {
        config: { auth: 'public' },
        schema: {
          summary: 'Sign up: create a tenant and its owner',
          description: 'Creates a tenant on plan `plans.default_plan` and its owner, and logs the owner in.',
          security: securityFor('public'),
          body: z
            .object({ email: z.email().max(320), password, tenant_name: z.string().trim().min(1).max(200) })
            .meta({
              example: {
                email: 'owner@example.com',
                password: 'correct horse battery',
                tenant_name: 'Example Ltd',
              },
            }),
          response: { 201: tokenResponseSchema, ...errorResponses('public', true, [409]) },
        },
      },
      async (request, reply) => {
        const { tokens } = await registerAccount(deps, {
          email: request.body.email,
          password: request.body.password,
          tenantName: request.body.tenant_name,
        });
        return reply.code(201).send(toTokenResponse(tokens));
      },
    );
  },
});
