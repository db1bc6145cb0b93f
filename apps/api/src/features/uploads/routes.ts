import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccessRule } from '../../platform/auth/access-rule.js';
import { principalOf } from '../../platform/auth/guard.js';
import { problemSchema } from '../../platform/http/problem.js';
import { createUploadBodySchema, uploadTicketSchema } from './contract.js';
import { createUpload, type UploadLimits } from './service.js';

export interface UploadsRoutesOptions {
  limits: UploadLimits;
}

/**
 * Anyone who holds a role somewhere may upload: every role grants `view` on units in its
 * scope, and a signed-in user without any role holds nothing. Uploading by itself changes no
 * data; the import that claims the file checks what the caller may import, and where.
 */
const holdsAnyRole: AccessRule = { resource: 'units', action: 'view' };

export const uploadsRoutes: FastifyPluginAsyncZod<UploadsRoutesOptions> = async (
  app,
  { limits },
) => {
  app.post(
    '/uploads',
    {
      config: { access: holdsAnyRole },
      schema: {
        tags: ['uploads'],
        summary: 'Get a signed URL to send a CSV file to storage, for an import',
        description:
          'PUT the file to `url` with `method` and exactly `headers`, before `expiresAt`; then ' +
          'name it by `key` in the import. The file must be CSV or text (UTF-8).',
        body: createUploadBodySchema,
        response: {
          201: uploadTicketSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          413: problemSchema,
          415: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ticket = await createUpload(
        app.db,
        app.storage,
        principalOf(request).userId,
        request.body,
        limits,
      );
      return reply.code(201).send(ticket);
    },
  );
};
