import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../platform/http/problem.js';
import {
  unitDetailSchema,
  unitIdParamsSchema,
  unitListQuerySchema,
  unitListSchema,
} from './contract.js';
import { getUnit, listUnits } from './service.js';

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'List units',
        querystring: unitListQuerySchema,
        response: { 200: unitListSchema, 400: problemSchema },
      },
    },
    (request) => listUnits(app.db, request.query),
  );

  app.get(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'One unit with its ancestors',
        params: unitIdParamsSchema,
        response: { 200: unitDetailSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    (request) => getUnit(app.db, request.params.id),
  );
};
