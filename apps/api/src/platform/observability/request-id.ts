import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids a proxy or client may hand us: short, and only characters safe in logs and headers. */
const ACCEPTABLE_ID = /^[\w.:@-]{1,128}$/;

/**
 * Reuses the caller's `x-request-id` so one id follows a request through the ingress, the
 * API and the logs; anything unusable is replaced by a fresh UUID.
 */
export function requestIdFrom(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
}

/** Every response, errors and 404s included, carries the id its log lines carry. */
export const requestIdHeader = fp(
  async (app: FastifyInstance) => {
    // Callback-style hooks: on every request, a promise per hook is measurable (bench:http).
    app.addHook('onRequest', (request, reply, done) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      done();
    });
  },
  { name: 'request-id-header' },
);
