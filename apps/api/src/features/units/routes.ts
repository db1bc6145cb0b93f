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
import { principalOf } from '../../platform/auth/guard.js';
import { getUnit, listUnits, unitVisibilityOf } from './service.js';

export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The unit tree changes a few times a year and is read on every page of every app: from
  // the read replica when there is one (ADR 0008), so the cache follows what it shows.
  const cache = new QueryCache(app.readChanges, { tables: ['units'] });

  app.get(
    '/units',
    {
      config: { access: { resource: 'units', action: 'view' } },
      schema: {
        tags: ['units'],
        summary: 'List the units you may see',
        querystring: unitListQuerySchema,
        response: {
          200: unitListSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request, reply) => {
      // The caller's visible part of the tree and the parsed query (defaults applied, keys in
      // schema order) identify the page.
      const visibility = unitVisibilityOf(principalOf(request));
      const key = JSON.stringify([visibility, request.query]);
      const body = await cache.get(key, async () =>
        JSON.stringify(await listUnits(app.readDb, visibility, request.query)),
      );
      return sendJsonText(reply as FastifyReply, body);
    },
  );

  app.get(
    '/units/:id',
    {
      config: { access: { resource: 'units', action: 'view' } },
      schema: {
        tags: ['units'],
        summary: 'One unit with its ancestors',
        params: unitIdParamsSchema,
        response: {
          200: unitDetailSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    (request) => getUnit(app.db, unitVisibilityOf(principalOf(request)), request.params.id),
  );
};
