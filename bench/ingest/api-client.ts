import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * The HTTP path a browser takes to import a file, against the real server: sign in, ask for
 * a signed upload URL, PUT the file to it (streamed), queue the import, follow its jobs.
 */
export class ApiClient {
  private headers: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const body = await this.json('POST', '/api/v1/auth/login', { email, password });
    this.headers = { authorization: `Bearer ${(body as { accessToken: string }).accessToken}` };
  }

  /** Uploads a file as the web apps do; resolves with its key for `POST /imports`. */
  async upload(file: string, size: number, filename: string): Promise<string> {
    const ticket = (await this.json('POST', '/api/v1/uploads', {
      filename,
      contentType: 'text/csv',
      size,
    })) as { key: string; url: string; headers: Record<string, string> };
    const target = new URL(ticket.url, this.baseUrl);
    const response = await fetch(`${this.baseUrl}${target.pathname}${target.search}`, {
      method: 'PUT',
      headers: ticket.headers,
      body: Readable.toWeb(createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    if (response.status !== 204) {
      throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    }
    return ticket.key;
  }

  async startImport(body: Record<string, unknown>): Promise<{ jobId: string; pipelineId: string }> {
    return (await this.json('POST', '/api/v1/imports', body)) as {
      jobId: string;
      pipelineId: string;
    };
  }

  /**
   * Polls a job every `intervalMs` until it is finished, as a client without events would;
   * `onPoll` sees every state read on the way.
   */
  async waitForJob(
    jobId: string,
    onPoll: (job: JobView) => void = () => {},
    intervalMs = 50,
  ): Promise<JobView> {
    for (;;) {
      const job = (await this.json('GET', `/api/v1/jobs/${jobId}`)) as JobView | undefined;
      if (job) onPoll(job);
      if (job && FINISHED.has(job.state)) return job;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** Polls until every job of a pipeline is finished, the last one an aggregation. */
  async waitForPipeline(pipelineId: string, intervalMs = 50): Promise<JobView[]> {
    for (;;) {
      const page = (await this.json(
        'GET',
        `/api/v1/jobs?pipelineId=${pipelineId}&sort=createdAt`,
      )) as { items: JobView[] } | undefined;
      const jobs = page?.items ?? [];
      if (jobs.at(-1)?.kind === 'aggregate' && jobs.every((job) => FINISHED.has(job.state))) {
        return jobs;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /**
   * One JSON request. A 503 (the server shedding load while its event loop lags) answers
   * undefined for a GET, which the pollers simply retry; anything else not 2xx throws.
   */
  private async json(method: string, url: string, body?: unknown): Promise<unknown> {
    const response = await fetch(this.baseUrl + url, {
      method,
      headers: body ? { ...this.headers, 'content-type': 'application/json' } : this.headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 503 && method === 'GET') {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok)
      throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return response.json();
  }
}

export interface JobView {
  id: string;
  kind: string;
  state: string;
  phase: string | null;
  rowsDone: number;
  counts: Record<string, number>;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const FINISHED = new Set(['succeeded', 'warning', 'failed', 'cancelled']);
