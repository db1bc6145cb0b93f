import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContext, principalOf } from '../../platform/auth/guard.js';
import { problemSchema } from '../../platform/http/problem.js';
import {
  factorListQuerySchema,
  factorListSchema,
  factorOptionsQuerySchema,
  factorOptionsSchema,
  recalculationAcceptedSchema,
  recalculationBodySchema,
  staleQuerySchema,
} from './contract.js';
import { requestRecalculation } from './recalculation.js';
import { factorOptions, listFactors } from './service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const factorsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/factors',
    {
      config: { access: { resource: 'factors', action: 'view' } },
      schema: {
        tags: ['factors'],
        summary: 'Browse a year’s emission factors (filters: subModule, factorSet, stale, q)',
        querystring: factorListQuerySchema,
        response: { 200: factorListSchema, ...problems },
      },
    },
    (request) => listFactors(app.readDb, request.query),
  );

  app.get(
    '/factors/stale',
    {
      config: { access: { resource: 'factors', action: 'view' } },
      schema: {
        tags: ['factors'],
        summary: 'A year’s stale factors: missing from the latest import of their set',
        querystring: staleQuerySchema,
        response: { 200: factorListSchema, ...problems },
      },
    },
    (request) => listFactors(app.readDb, { ...request.query, sort: 'factorSet', stale: true }),
  );

  app.get(
    '/factors/options',
    {
      // Every form that enters rows needs its choices.
      config: { access: 'authenticated' },
      schema: {
        tags: ['factors'],
        summary:
          'The classification values a sub-module’s rows may choose, from the year’s factors',
        querystring: factorOptionsQuerySchema,
        response: { 200: factorOptionsSchema, ...problems },
      },
    },
    (request) => factorOptions(app.readDb, request.query.year, request.query.subModule),
  );

  app.post(
    '/factors/recalculate',
    {
      config: { access: { resource: 'factors', action: 'edit' } },
      schema: {
        tags: ['factors'],
        summary: 'Recalculate a year’s rows with the current factors, then its results (a job)',
        body: recalculationBodySchema,
        response: { 202: recalculationAcceptedSchema, ...problems, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const accepted = await requestRecalculation(
        app.db,
        principalOf(request),
        request.body,
        auditContext(request),
      );
      return reply.code(202).header('location', `/api/v1/jobs/${accepted.jobId}`).send(accepted);
    },
  );
};
