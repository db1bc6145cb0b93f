import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../platform/auth/guard.js';
import { problemSchema } from '../../platform/http/problem.js';
import { reportPathSchema, reportSchema } from './contract.js';
import { getReport } from './service.js';

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units/:unitId/years/:year/report',
    {
      config: { access: { resource: 'modules', action: 'view' } },
      schema: {
        tags: ['reports'],
        summary: 'A unit’s report of a year: status, completion, modules with their totals',
        params: reportPathSchema,
        response: {
          200: reportSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    (request) =>
      getReport(app.db, principalOf(request), request.params.unitId, request.params.year),
  );
};
