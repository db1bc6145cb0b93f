import { ACTIONS, ROLES } from '@co2-calculator/domain';
import { z } from 'zod';

export const loginBodySchema = z
  .object({
    email: z.email().max(320),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'LoginRequest' });

export const sessionUserSchema = z
  .object({ id: z.uuid(), email: z.string(), displayName: z.string() })
  .meta({ id: 'SessionUser' });

export const accessTokenSchema = z
  .object({
    accessToken: z.string().describe('Send as `Authorization: Bearer <token>`'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the token expires; refresh before'),
  })
  .meta({ id: 'AccessToken' });

export const loginResponseSchema = accessTokenSchema
  .extend({ user: sessionUserSchema })
  .meta({ id: 'LoginResponse' });

export const providersSchema = z
  .object({
    local: z.boolean().describe('Sign-in with e-mail and password is available'),
    oidc: z
      .object({ label: z.string(), loginUrl: z.string() })
      .nullable()
      .describe('Single sign-on with the institution, when configured'),
  })
  .meta({ id: 'AuthProviders' });

export const sessionSchema = z
  .object({
    user: sessionUserSchema,
    roles: z.array(
      z.object({
        role: z.enum(ROLES),
        scope: z.string().describe('`global`, `unit:<id>` or `subtree:<id>`'),
      }),
    ),
    permissions: z
      .record(z.string(), z.array(z.enum(ACTIONS)))
      .describe('`<resource>[/<scope>]` → actions; see docs/permissions.md'),
  })
  .meta({ id: 'Session' });

export const oidcLoginQuerySchema = z.object({
  returnTo: z
    .string()
    .max(2000)
    .regex(/^\/(?![/\\])/, 'must be a path on this site')
    .optional()
    .describe('Where to go after signing in (a path on this site)'),
});

export const oidcCallbackQuerySchema = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});
