import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../platform/http/problem.js';
import { csvTemplateListSchema, templateParamsSchema } from './contract.js';
import { templateList, templateText } from './service.js';

const problems = { 401: problemSchema };

export const templatesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/templates',
    {
      // Every importing screen needs the formats; they are the same for everyone.
      config: { access: 'authenticated' },
      schema: {
        tags: ['templates'],
        summary: 'The CSV formats that can be imported, with their columns and rules',
        response: { 200: csvTemplateListSchema, ...problems },
      },
    },
    () => templateList(),
  );

  app.get(
    '/templates/:name.csv',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['templates'],
        summary:
          'The CSV template of a format: the field rules as # comment lines, the header, an example row',
        params: templateParamsSchema,
        produces: ['text/csv'],
        response: {
          200: z.string().describe('UTF-8 CSV with a byte-order mark, CRLF line breaks'),
          ...problems,
          404: problemSchema,
        },
      },
    },
    (request, reply) => {
      const text = templateText(request.params.name);
      void reply
        .header('content-disposition', `attachment; filename="${request.params.name}.csv"`)
        .type('text/csv; charset=utf-8');
      return text;
    },
  );
};
