import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QueryCache } from '../../platform/cache/query-cache.js';
import { problemSchema } from '../../platform/http/problem.js';
import { sendJsonText } from '../../platform/http/send-json-text.js';
import {
  unitDetailSchema,
  unitIdParamsSchema,
  unitListQuerySchema,
  unitListSchema,
} from './contract.js';
import { getUnit, listUnits } from './service.js';

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The unit tree changes a few times a year and is read on every page of every app.
  const cache = new QueryCache(app.changes, { tables: ['units'] });

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
    async (request, reply) => {
      // The parsed query (defaults applied, keys in schema order) identifies the page.
      const body = await cache.get(JSON.stringify(request.query), async () =>
        JSON.stringify(await listUnits(app.db, request.query)),
      );
      return sendJsonText(reply as FastifyReply, body);
    },
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
