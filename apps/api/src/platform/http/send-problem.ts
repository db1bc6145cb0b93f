import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemInit, statusTitle } from './problem.js';

/**
 * Writes a problem response. The body is serialised here, not by the route's response schema,
 * so that every error path (including those outside any route) yields the same bytes.
 */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, init: ProblemInit) {
  const body: Problem = {
    ...init.extra,
    type: init.type ?? 'about:blank',
    title: init.title ?? statusTitle(init.status),
    status: init.status,
    detail: init.detail,
    instance: request.url.split('?', 1)[0] ?? request.url,
    requestId: String(request.id),
    ...(init.errors ? { errors: init.errors } : {}),
  };
  if (init.headers) reply.headers(init.headers);
  return reply.code(init.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
