import { fastifySSE } from '@fastify/sse';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../platform/auth/guard.js';
import { HttpProblem, notFound, problemSchema } from '../../platform/http/problem.js';
import { jobIdPathSchema, jobListQuerySchema, jobListSchema, jobSchema } from './contract.js';
import { JobEventHub } from './events.js';
import { registerJobMetrics } from './metrics.js';
import { cancelJob, listJobs, retryJob, toJob, visibleJob } from './service.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const view = { resource: 'jobs', action: 'view' } as const;
const edit = { resource: 'jobs', action: 'edit' } as const;

/** Comments keep proxies from closing a quiet stream; browsers ignore them. */
const HEARTBEAT_MS = 15_000;

export const jobsRoutes: FastifyPluginAsyncZod<{ downloadUrlTtlSeconds: number }> = async (
  app,
  options,
) => {
  const hub = new JobEventHub(app.db, app.changes);
  registerJobMetrics(app.metrics, app.db);
  app.addHook('onClose', async () => hub.close());
  await app.register(fastifySSE, { heartbeatInterval: HEARTBEAT_MS });

  app.get(
    '/jobs',
    {
      config: { access: view },
      schema: {
        tags: ['jobs'],
        summary: 'Job history: the jobs the caller may see, newest first',
        querystring: jobListQuerySchema,
        response: { 200: jobListSchema, ...problems },
      },
    },
    (request) => listJobs(app.db, principalOf(request), request.query),
  );

  app.get(
    '/jobs/events',
    {
      // Negotiated here, so a client refusing event streams gets a problem body like any 4xx.
      sse: { kind: 'manual' },
      config: { access: view },
      schema: {
        tags: ['jobs'],
        summary: 'Live changes of the jobs the caller may see (Server-Sent Events)',
        description:
          'Each event is `job` with the job as its data and its event number as `id`. ' +
          'Reconnecting with `Last-Event-ID` first replays the jobs changed since that event. ' +
          'Browsers send the access token with `fetch` (EventSource cannot set headers).',
        response: { ...problems, 406: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const accept = request.headers.accept;
      if (accept && !/text\/event-stream|\*\/\*|text\/\*/.test(accept)) {
        throw new HttpProblem({
          status: 406,
          detail: 'This is a stream of Server-Sent Events: accept text/event-stream.',
        });
      }
      reply.sse.keepAlive();
      // Headers now: a client knows the stream is open before the first job changes.
      reply.sse.sendHeaders();
      // Node holds headers back until the first body write: flush them, or a `fetch` client
      // waits for the first event (or heartbeat) to learn the stream is open.
      reply.raw.flushHeaders();
      // Subscribe before replaying, so nothing committed in between is lost (duplicates are
      // harmless: every event is the job's whole current state).
      const queued: Parameters<Parameters<JobEventHub['subscribe']>[1]>[0][] = [];
      let live = false;
      const send = (event: { id: number; job: unknown }) =>
        reply.sse.send({ id: String(event.id), event: 'job', data: event.job }).catch(() => {});
      const unsubscribe = await hub.subscribe(principal, (event) => {
        if (live) void send(event);
        else queued.push(event);
      });
      reply.sse.onClose(unsubscribe);
      const lastEventId = Number(reply.sse.lastEventId);
      if (reply.sse.lastEventId && Number.isSafeInteger(lastEventId) && lastEventId >= 0) {
        for (const event of await hub.replay(principal, lastEventId)) await send(event);
      }
      for (const event of queued) await send(event);
      live = true;
    },
  );

  app.get(
    '/jobs/:id',
    {
      config: { access: view },
      schema: {
        tags: ['jobs'],
        summary: 'One job: state, phase, progress, counts, error and links to its files',
        params: jobIdPathSchema,
        response: { 200: jobSchema, ...problems },
      },
    },
    async (request) => toJob(await visibleJob(app.db, principalOf(request), request.params.id)),
  );

  app.delete(
    '/jobs/:id',
    {
      config: { access: edit },
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a queued or running job',
        params: jobIdPathSchema,
        response: { 200: jobSchema, ...problems, 409: problemSchema },
      },
    },
    (request) => cancelJob(app.db, principalOf(request), request.params.id),
  );

  app.post(
    '/jobs/:id/retry',
    {
      config: { access: edit },
      schema: {
        tags: ['jobs'],
        summary: 'Run a failed or cancelled job again',
        params: jobIdPathSchema,
        response: { 200: jobSchema, ...problems, 409: problemSchema },
      },
    },
    (request) => retryJob(app.db, principalOf(request), request.params.id),
  );

  for (const [path, which] of [
    ['error-report', 'resultKey'],
    ['source-file', 'fileKey'],
  ] as const) {
    app.get(
      `/jobs/:id/${path}`,
      {
        config: { access: view },
        schema: {
          tags: ['jobs'],
          summary:
            which === 'resultKey'
              ? 'Download the error report: the rejected rows with a reason (redirect)'
              : 'Download the source file of an import (redirect)',
          params: jobIdPathSchema,
          response: { ...problems },
        },
      },
      async (request, reply) => {
        const job = await visibleJob(app.db, principalOf(request), request.params.id);
        const key = job[which];
        if (!key) throw notFound(`Job ${job.id} has no ${path.replace('-', ' ')}.`);
        const base = (job.filename ?? 'import.csv').replace(/\.[^.]*$/, '');
        const signed = await app.storage.signDownload(key, {
          filename: which === 'resultKey' ? `${base}-errors.csv` : (job.filename ?? 'import.csv'),
          contentType: 'text/csv',
          expiresInSeconds: options.downloadUrlTtlSeconds,
        });
        return reply.redirect(signed.url, 303);
      },
    );
  }
};
