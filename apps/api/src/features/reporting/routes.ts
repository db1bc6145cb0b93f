import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../platform/auth/guard.js';
import { sendCsv } from '../../platform/csv/safe-csv.js';
import { problemSchema } from '../../platform/http/problem.js';
import { reportingListSchema, reportingQuerySchema, type ReportingRow } from './contract.js';
import { reportingReader } from './service.js';

const CSV_COLUMNS: (keyof ReportingRow & string)[] = [
  'code',
  'nameEn',
  'nameFr',
  'level',
  'labs',
  'status',
  'validatedModules',
  'enabledModules',
  'totalKgCo2eq',
  'previousYearKgCo2eq',
  'fte',
  'perFteKgCo2eq',
  'topCategory',
  'unitId',
];

export const reportingRoutes: FastifyPluginAsyncZod = async (app) => {
  const readReporting = reportingReader(app.readDb, app.readChanges);

  app.get(
    '/reporting/units',
    {
      config: { access: { resource: 'reporting', action: 'view' } },
      schema: {
        tags: ['reporting'],
        summary:
          'Units of your subtree with their year’s status and totals; `format=csv|json` exports all',
        querystring: reportingQuerySchema,
        response: {
          200: reportingListSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await readReporting(principalOf(request), request.query);
      if (!request.query.format) return result;
      const name = `reporting-${request.query.year}.${request.query.format}`;
      if (request.query.format === 'csv') {
        return sendCsv(reply as FastifyReply, name, result.items, CSV_COLUMNS);
      }
      void reply.header('content-disposition', `attachment; filename="${name}"`);
      return result;
    },
  );
};
