import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../platform/auth/guard.js';
import { HttpProblem, problemSchema } from '../../platform/http/problem.js';
import { createJob } from '../jobs/store.js';

const acceptedSchema = z
  .object({ jobId: z.string(), links: z.object({ job: z.string() }) })
  .meta({ id: 'SyncAccepted' });

/** `POST /registry/sync`: pull the institution's registry now, as a job (also run on a cron). */
export const registryRoutes: FastifyPluginAsyncZod<{ configured: boolean }> = async (
  app,
  options,
) => {
  app.post(
    '/registry/sync',
    {
      config: { access: { resource: 'imports', action: 'sync' } },
      schema: {
        tags: ['imports'],
        summary: 'Pull units and role assignments from the registry now (queues a job)',
        response: {
          202: acceptedSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      if (!options.configured) {
        throw new HttpProblem({
          status: 409,
          detail: 'No registry is configured (REGISTRY_URL is not set).',
        });
      }
      const job = await createJob(app.db, {
        kind: 'registry-sync',
        target: 'registry',
        createdBy: principalOf(request).userId,
      });
      const links = { job: `/api/v1/jobs/${job.id}` };
      return reply.code(202).header('location', links.job).send({ jobId: job.id, links });
    },
  );
};
