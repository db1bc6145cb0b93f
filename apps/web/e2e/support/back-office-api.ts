// The API as the browser tests use it beside the pages: to check what a page did, and to put
// the demo back afterwards. Signed in with a demo account's password; reads a busy server
// sheds (503, while it recalculates) can be asked again (`tryGet`).
import { type APIRequestContext, expect } from '@playwright/test';
import type { Job } from '../../src/shared/api/types';
import { DEMO_PASSWORD } from './sign-in';

type Params = Record<string, string | number | boolean>;

export interface Api {
  get<T>(path: string, params?: Params): Promise<T>;
  /** The answer, or undefined when the server is too busy to give one (503). */
  tryGet<T>(path: string, params?: Params): Promise<T | undefined>;
  post<T>(path: string, data: unknown): Promise<T>;
  put<T>(path: string, data: unknown): Promise<T>;
  /** Uploads `csv` and imports it; resolves once its whole pipeline is finished. */
  importCsv(body: Record<string, unknown>, filename: string, csv: string): Promise<Job[]>;
}

export async function apiAs(request: APIRequestContext, email: string): Promise<Api> {
  const login = await request.post('/api/v1/auth/login', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(login.ok(), await login.text()).toBe(true);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const api: Api = {
    async get(path, params) {
      const response = await request.get(`/api/v1${path}`, { headers, params });
      expect(response.ok(), `GET ${path}: ${await response.text()}`).toBe(true);
      return response.json();
    },
    async tryGet(path, params) {
      const response = await request.get(`/api/v1${path}`, { headers, params });
      if (response.status() === 503) return undefined;
      expect(response.ok(), `GET ${path}: ${await response.text()}`).toBe(true);
      return response.json();
    },
    async post(path, data) {
      const response = await request.post(`/api/v1${path}`, { headers, data });
      expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
      return response.json();
    },
    async put(path, data) {
      const response = await request.put(`/api/v1${path}`, { headers, data });
      expect(response.ok(), `PUT ${path}: ${await response.text()}`).toBe(true);
      return response.json();
    },
    async importCsv(body, filename, csv) {
      const bytes = Buffer.from(csv);
      const ticketResponse = await request.post('/api/v1/uploads', {
        headers,
        data: { filename, size: bytes.length, contentType: 'text/csv' },
      });
      expect(ticketResponse.ok(), await ticketResponse.text()).toBe(true);
      const ticket = await ticketResponse.json();
      const put = await request.fetch(ticket.url, {
        method: ticket.method,
        headers: ticket.headers,
        data: bytes,
      });
      expect(put.ok(), await put.text()).toBe(true);
      const accepted = await request.post('/api/v1/imports', {
        headers,
        data: { ...body, uploadKey: ticket.key },
      });
      expect(accepted.status(), await accepted.text()).toBe(202);
      const { pipelineId } = await accepted.json();
      return finishedPipeline(api, pipelineId);
    },
  };
  return api;
}

const FINISHED = ['succeeded', 'warning', 'failed', 'cancelled'];

/** The jobs of a pipeline once all are finished and, when the import changed data, totalled. */
export async function finishedPipeline(api: Api, pipelineId: string): Promise<Job[]> {
  let jobs: Job[] = [];
  await expect
    .poll(
      async () => {
        const page = await api.tryGet<{ items: Job[] }>('/jobs', { pipelineId, pageSize: 50 });
        if (!page) return false;
        jobs = page.items;
        const done = jobs.every((job) => FINISHED.includes(job.state));
        const failed = jobs.some((job) => job.state === 'failed' || job.state === 'cancelled');
        return done && (failed || jobs.some((job) => job.kind === 'aggregate'));
      },
      { timeout: 45_000, intervals: [500, 1000] },
    )
    .toBe(true);
  return jobs;
}
