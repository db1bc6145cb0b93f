import type { FastifyReply } from 'fastify';

/**
 * Sends JSON that is already serialised (a cached response body). Fastify passes a string
 * with a JSON content type through untouched; the route's schema still documents its shape.
 */
export function sendJsonText(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}
