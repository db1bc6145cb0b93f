import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

/** Uploads `body` as a browser would: ask for a signed URL, then PUT the file to it. */
export async function uploadFile(
  app: FastifyInstance,
  headers: Record<string, string>,
  body: string | Buffer,
  filename = 'import.csv',
): Promise<string> {
  const ticket = await app.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers,
    payload: { filename, contentType: 'text/csv', size: Buffer.byteLength(body) },
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
  const { key, url, headers: required } = ticket.json();
  const target = new URL(url);
  const sent = await app.inject({
    method: 'PUT',
    url: `${target.pathname}${target.search}`,
    headers: required,
    payload: body,
  });
  expect(sent.statusCode, sent.body).toBe(204);
  return key as string;
}

export interface JobView {
  id: string;
  pipelineId: string;
  kind: string;
  state: string;
  phase: string | null;
  rowsDone: number;
  counts: Record<string, number>;
  error: string | null;
  links: { errorReport: string | null; sourceFile: string | null };
}

const FINISHED = ['succeeded', 'warning', 'failed', 'cancelled'];

/** Polls a job until it is finished (or `until` holds), as a client without events would. */
export async function waitForJob(
  app: FastifyInstance,
  headers: Record<string, string>,
  jobId: string,
  until: (job: JobView) => boolean = (job) => FINISHED.includes(job.state),
  timeoutMs = 30_000,
): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await app.inject({ url: `/api/v1/jobs/${jobId}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json() as JobView;
    if (until(job)) return job;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${job.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every job of a pipeline finished: the import and the recalculations/aggregations it queued. */
export async function waitForPipeline(
  app: FastifyInstance,
  headers: Record<string, string>,
  pipelineId: string,
  timeoutMs = 30_000,
): Promise<JobView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await app.inject({
      url: `/api/v1/jobs?pipelineId=${pipelineId}&sort=createdAt`,
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const jobs = response.json().items as JobView[];
    const last = jobs.at(-1);
    if (jobs.every((job) => FINISHED.includes(job.state)) && last?.kind === 'aggregate') {
      return jobs;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `pipeline ${pipelineId} unfinished: ${JSON.stringify(jobs.map((j) => [j.kind, j.state]))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Follows a redirect to a signed download and returns its body. */
export async function download(
  app: FastifyInstance,
  headers: Record<string, string>,
  link: string,
): Promise<string> {
  const redirect = await app.inject({ url: link, headers });
  expect(redirect.statusCode, redirect.body).toBe(303);
  const target = new URL(redirect.headers.location as string, 'http://localhost');
  const file = await app.inject({ url: `${target.pathname}${target.search}` });
  expect(file.statusCode, file.body).toBe(200);
  return file.body;
}

export interface StreamedEvent {
  id: string;
  event: string;
  data: string;
}

/**
 * Reads Server-Sent Events from a real HTTP connection (as the web apps do, with `fetch` and
 * the access token) until `until` holds for an event, or `timeoutMs` passed; then closes it.
 */
export async function readEvents(
  url: string,
  headers: Record<string, string>,
  until: (event: StreamedEvent) => boolean,
  timeoutMs = 30_000,
): Promise<StreamedEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const events: StreamedEvent[] = [];
  try {
    const response = await fetch(url, {
      headers: { ...headers, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body!) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: StreamedEvent = { id: '', event: 'message', data: '' };
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') event.id = value;
          else if (field === 'event') event.event = value;
          else if (field === 'data') event.data += value;
        }
        if (!event.data) continue;
        events.push(event);
        if (until(event)) return events;
      }
    }
    return events;
  } catch (error) {
    // Reading for a while (`until` never true) ends with the timeout: what came is the answer.
    if (abort.signal.aborted) return events;
    throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
