import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContext, principalOf } from '../../platform/auth/guard.js';
import { problemSchema } from '../../platform/http/problem.js';
import {
  putYearBodySchema,
  yearListQuerySchema,
  yearListSchema,
  yearParamsSchema,
  yearSchema,
} from './contract.js';
import { getYear, listYears, putYear } from './service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const yearsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/years',
    {
      config: { access: { resource: 'years', action: 'view' } },
      schema: {
        tags: ['years'],
        summary: 'Reporting years and their module settings (open years only, but for admins)',
        querystring: yearListQuerySchema,
        response: { 200: yearListSchema, ...problems },
      },
    },
    (request) => listYears(app.db, principalOf(request), request.query),
  );

  app.get(
    '/years/:year',
    {
      config: { access: { resource: 'years', action: 'view' } },
      schema: {
        tags: ['years'],
        summary: 'One year',
        params: yearParamsSchema,
        response: { 200: yearSchema, ...problems, 404: problemSchema },
      },
    },
    (request) => getYear(app.db, principalOf(request), request.params.year),
  );

  app.put(
    '/years/:year',
    {
      config: { access: { resource: 'years', action: 'edit' } },
      schema: {
        tags: ['years'],
        summary: 'Create or configure a year: open it, goals, module settings (admins)',
        params: yearParamsSchema,
        body: putYearBodySchema,
        response: { 200: yearSchema, ...problems, 422: problemSchema },
      },
    },
    (request) =>
      putYear(
        app.db,
        app.changes,
        principalOf(request),
        request.params.year,
        request.body,
        auditContext(request),
      ),
  );
};
