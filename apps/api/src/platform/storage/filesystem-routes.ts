import { finished, pipeline, Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, notFound, problemSchema } from '../http/problem.js';
import { attachmentDisposition } from './attachment.js';
import { exactLength, textStart } from './body-checks.js';
import type { FilesystemObjectStore } from './filesystem-store.js';
import { OBJECT_NAME_PATTERN, OBJECT_NAMESPACE_PATTERN } from './object-key.js';
import { ObjectNotFoundError } from './object-store.js';
import { fileNotText, fileTooLarge, signedUrlRejected } from './problems.js';

export interface FilesystemRoutesOptions {
  store: FilesystemObjectStore;
}

/** A path that does not spell a key is refused by validation, before any file is touched. */
const objectParamsSchema = z.object({
  namespace: z.string().regex(OBJECT_NAMESPACE_PATTERN),
  name: z.string().regex(OBJECT_NAME_PATTERN),
});

const signedQuerySchema = z.object({
  expires: z.string().optional().describe('Unix time after which the URL is refused'),
  size: z.string().optional().describe('PUT: the exact body length in bytes'),
  type: z.string().optional().describe('PUT: the required Content-Type; GET: the one served'),
  filename: z.string().optional().describe('GET: the name to save the file under'),
  signature: z.string().optional().describe('HMAC of the above, the method and the key'),
});

const signedAccess = { access: 'public' as const };

/**
 * The request body as it streams to the store, failing unless it is exactly `size` bytes of
 * text. The request is piped, not pipelined: a failed check must not destroy the request,
 * which would reset the connection before the problem response is written.
 */
function checkedBody(body: Readable, size: number): Readable {
  const length = exactLength(size, {
    tooLong: () => fileTooLarge(`The body is larger than the ${size} bytes this URL allows.`),
    tooShort: (received) =>
      new HttpProblem({
        status: 400,
        detail: `The body has ${received} bytes; this URL is signed for exactly ${size}.`,
      }),
  });
  // Either check failing destroys both with its error, which the store's write then rejects
  // with (the callback has nothing left to do).
  const checked = pipeline(length, textStart(fileNotText), () => {});
  body.pipe(length);
  finished(body, (error) => {
    if (error) length.destroy(error); // the client went away: the store drops the partial file
  });
  return checked;
}

/**
 * The filesystem driver's signed URLs, served by the API: PUT streams an upload to disk, GET
 * streams an object back as an attachment. The route guard lets everyone in (`public`); the
 * signature in the query is the authorisation. Encapsulated, so that the pass-through body
 * parser below applies to these routes only.
 */
export const filesystemObjectRoutes: FastifyPluginAsyncZod<FilesystemRoutesOptions> = async (
  app,
  { store },
) => {
  // Any content type, never parsed nor buffered: the handler streams the raw body to disk.
  // BODY_LIMIT_BYTES does not apply to it; the signed size does.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.put(
    '/:namespace/:name',
    {
      config: signedAccess,
      schema: {
        tags: ['storage'],
        summary: 'Upload a file to a signed URL of the embedded store (from POST /uploads)',
        description:
          'Send exactly the signed number of bytes with the signed `Content-Type`. ' +
          'The body must be UTF-8 text.',
        params: objectParamsSchema,
        querystring: signedQuerySchema,
        response: {
          204: z.null().describe('Stored'),
          400: problemSchema,
          403: problemSchema,
          413: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      // Whatever fails, the rest of the body is not read: the connection cannot be reused.
      reply.header('connection', 'close');
      const key = `${request.params.namespace}/${request.params.name}`;
      const check = store.verify('PUT', key, request.query);
      if (!check.valid) throw signedUrlRejected(check.reason);
      const { size, contentType } = check.fields;
      if (size === undefined || contentType === undefined) throw signedUrlRejected('invalid');
      // As S3 does: the signed type must be sent as signed.
      if (request.headers['content-type'] !== contentType) throw signedUrlRejected('invalid');
      const declared = Number(request.headers['content-length'] ?? Number.NaN);
      if (declared > size) {
        throw fileTooLarge(`The body has ${declared} bytes; this URL allows ${size}.`);
      }
      // No body at all (no length, no chunks) reaches here as undefined: an empty stream.
      const body = request.body instanceof Readable ? request.body : Readable.from([]);
      await store.write(key, checkedBody(body, size), contentType);
      reply.removeHeader('connection');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/:namespace/:name',
    {
      config: signedAccess,
      schema: {
        tags: ['storage'],
        summary: 'Download a file from a signed URL of the embedded store',
        params: objectParamsSchema,
        querystring: signedQuerySchema,
        response: {
          // A stream, never serialised; declared for the OpenAPI document.
          200: z.unknown().describe('The file, as an attachment'),
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const key = `${request.params.namespace}/${request.params.name}`;
      const check = store.verify('GET', key, request.query);
      if (!check.valid) throw signedUrlRejected(check.reason);
      const missing = () => notFound('The file is no longer stored.');
      const stat = await store.stat(key);
      if (!stat) throw missing();
      let body: Readable;
      try {
        body = await store.read(key);
      } catch (error) {
        if (error instanceof ObjectNotFoundError) throw missing();
        throw error;
      }
      return reply
        .header('content-type', check.fields.contentType ?? 'application/octet-stream')
        .header(
          'content-disposition',
          attachmentDisposition(check.fields.filename ?? request.params.name),
        )
        .header('content-length', stat.size)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
