import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../platform/http/problem.js';
import type { ReadinessCheck } from '../../platform/observability/health.js';
import { systemStatusSchema } from './contract.js';
import { systemStatus } from './service.js';

export const systemRoutes: FastifyPluginAsyncZod<{ checks: readonly ReadinessCheck[] }> = async (
  app,
  options,
) => {
  app.get(
    '/system/status',
    {
      config: { access: { resource: 'system', action: 'view' } },
      schema: {
        tags: ['system'],
        summary: 'Readiness, queue depth per job kind, running jobs and recent failures',
        response: { 200: systemStatusSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    () => systemStatus(app.db, options.checks),
  );
};
