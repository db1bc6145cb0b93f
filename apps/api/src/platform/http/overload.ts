import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from './problem.js';

/**
 * Sheds load with a 503 problem (and Retry-After) while the event loop lags beyond the
 * threshold, instead of letting every request time out. 0 turns it off.
 */
export const overloadProtection = fp<{ maxEventLoopDelayMs: number }>(
  async (app: FastifyInstance, options) => {
    if (options.maxEventLoopDelayMs === 0) return;
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelayMs,
      retryAfter: 10,
      pressureHandler: () => {
        throw new HttpProblem({
          status: 503,
          detail: 'The server is overloaded; try again in a few seconds.',
          headers: { 'retry-after': '10' },
        });
      },
    });
  },
  { name: 'overload-protection' },
);
