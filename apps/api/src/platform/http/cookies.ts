import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Cookie parsing and signing (APP_SECRET signs short-lived sign-in state). */
export const cookies = fp<{ secret: string }>(
  async (app: FastifyInstance, options) => {
    await app.register(cookie, { secret: options.secret, hook: 'onRequest' });
  },
  { name: 'cookies' },
);
