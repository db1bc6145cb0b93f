import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from './problem.js';

/**
 * Rate limiting is opt-in per route (`config.rateLimit`), for the routes that attract abuse
 * (sign-in). Rejections are 429 problems with Retry-After.
 */
export const rateLimiting = fp(
  async (app: FastifyInstance) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem({
          status: 429,
          detail: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`,
        }),
    });
  },
  { name: 'rate-limiting' },
);
