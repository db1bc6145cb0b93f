import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, principalOf } from '../../platform/auth/guard.js';
import { problemSchema } from '../../platform/http/problem.js';
import { sessionSchema } from '../auth/contract.js';
import { clearRefreshCookie } from '../auth/refresh-cookie.js';
import { type AuthDeps, logout } from '../auth/service.js';
import { sessionOf } from './service.js';

export interface SessionRoutesOptions {
  deps: AuthDeps;
  secureCookies: boolean;
}

export const sessionRoutes: FastifyPluginAsyncZod<SessionRoutesOptions> = async (app, options) => {
  app.get(
    '/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their roles and their permission map',
        response: { 200: sessionSchema, 401: problemSchema },
      },
    },
    async (request) => sessionOf(principalOf(request)),
  );

  app.delete(
    '/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revokes the session’s refresh tokens and clears the cookie',
        response: { 204: z.undefined(), 401: problemSchema },
      },
    },
    async (request, reply) => {
      await logout(options.deps, principalOf(request), auditContext(request));
      clearRefreshCookie(reply, options.secureCookies);
      return reply.code(204).send();
    },
  );
};
