import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldError, HttpProblem, problemTypes } from './problem.js';
import { sendProblem } from './send-problem.js';

/** Fastify names the query string `querystring`; clients know it as `query`. */
const CONTEXT_NAMES: Record<string, string> = { querystring: 'query' };

function fieldErrors(
  error: FastifyError & { validation: { instancePath: string; message?: string }[] },
) {
  const context =
    CONTEXT_NAMES[error.validationContext ?? ''] ?? error.validationContext ?? 'request';
  return error.validation.map((issue): FieldError => ({
    path: [context, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
    message: issue.message ?? 'is invalid',
  }));
}

/**
 * Every error becomes a problem response. Expected failures (HttpProblem, Fastify's own 4xx
 * such as a too large or unsupported body) say what went wrong; anything else is logged with
 * its stack and answered with a bare 500 that leaks neither stack nor SQL.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof HttpProblem) {
        return sendProblem(request, reply, {
          status: error.status,
          type: error.type,
          title: error.title,
          detail: error.message,
          errors: error.errors,
          headers: error.headers,
        });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = fieldErrors(error);
        return sendProblem(request, reply, {
          status: 400,
          type: problemTypes.validation,
          title: 'Invalid request',
          detail: `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
          errors,
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        request.log.info({ code: error.code, message: error.message }, 'request rejected');
        // Headers already set (Retry-After of the rate limiter, Allow…) stay on the reply.
        return sendProblem(request, reply, { status, detail: error.message });
      }
      request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, {
        status: status >= 500 && status < 600 ? status : 500,
        detail: 'An unexpected error occurred. Quote the request id when reporting it.',
      });
    });
  },
  { name: 'error-handler' },
);
