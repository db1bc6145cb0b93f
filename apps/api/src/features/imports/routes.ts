import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../platform/auth/guard.js';
import { problemSchema } from '../../platform/http/problem.js';
import { importAcceptedSchema, importBodySchema } from './contract.js';
import { startImport } from './service.js';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  413: problemSchema,
  415: problemSchema,
  422: problemSchema,
};

export const importsRoutes: FastifyPluginAsyncZod<{
  uploadMaxBytes: number;
  importSourceHosts: readonly string[];
}> = async (app, options) => {
  app.post(
    '/imports',
    {
      config: { access: { resource: 'imports', action: 'edit' } },
      schema: {
        tags: ['imports'],
        summary: 'Import an uploaded CSV file (or one at a URL): queues a job and answers at once',
        body: importBodySchema,
        response: { 202: importAcceptedSchema, ...problems },
      },
    },
    async (request, reply) => {
      const accepted = await startImport(
        {
          db: app.db,
          store: app.storage,
          uploadMaxBytes: options.uploadMaxBytes,
          importSourceHosts: options.importSourceHosts,
        },
        principalOf(request),
        request.body,
      );
      return reply.code(202).header('location', accepted.links.job).send(accepted);
    },
  );
};
