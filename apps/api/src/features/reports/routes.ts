import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../platform/auth/guard.js';
import { problemSchema } from '../../platform/http/problem.js';
import { z } from 'zod';
import { auditContext } from '../../platform/auth/guard.js';
import type { CalculationContexts } from '../entries/calculation-context.js';
import {
  moduleStatusBodySchema,
  moduleStatusPathSchema,
  reportPathSchema,
  reportSchema,
  resultsSchema,
} from './contract.js';
import { resultsReader } from './results.js';
import { getReport } from './service.js';
import { setModuleStatus } from './status.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const reportsRoutes: FastifyPluginAsyncZod<{ contexts: CalculationContexts }> = async (
  app,
  options,
) => {
  const readResults = resultsReader(app.readDb, app.readChanges, options.contexts);
  app.get(
    '/units/:unitId/years/:year/results',
    {
      config: { access: { resource: 'results', action: 'view' } },
      schema: {
        tags: ['reports'],
        summary: 'Results of the validated modules: totals, per FTE, previous year, evolution',
        params: reportPathSchema,
        response: { 200: resultsSchema, ...problems },
      },
    },
    (request) => readResults(principalOf(request), request.params.unitId, request.params.year),
  );

  app.put(
    '/units/:unitId/years/:year/modules/:module/status',
    {
      config: {
        access: [
          { resource: 'modules', action: 'validate' },
          { resource: 'modules', action: 'edit' },
        ],
      },
      schema: {
        tags: ['reports'],
        summary: 'Validate a module (principals), or set it back in progress',
        params: moduleStatusPathSchema,
        body: moduleStatusBodySchema,
        response: { 204: z.undefined(), ...problems, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await setModuleStatus(
        app.db,
        app.changes,
        principalOf(request),
        request.params,
        request.body,
        auditContext(request),
      );
      return reply.code(204).send();
    },
  );

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
