import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * Echoes the request id and writes one access-log line per request, once the response is
 * sent (Fastify's default writes two: one on arrival, one on completion).
 */
export const accessLog = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        {
          method: request.method,
          url: request.url,
          route: request.routeOptions.url,
          statusCode: reply.statusCode,
          responseTimeMs: Math.round(reply.elapsedTime * 100) / 100,
          remoteAddress: request.ip,
        },
        'request completed',
      );
    });
  },
  { name: 'access-log' },
);
