import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchedFileKeyOf } from '../src/features/imports/fetch-source.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { exchangeRates } from '../src/features/reference/table.js';
import { BackOfficeImports } from './support/back-office-imports.js';
import { download, waitForJob, waitForPipeline } from './support/imports.js';

/**
 * Back-office imports that fetch their file from a URL (where a factor set or the year's
 * exchange rates are published) instead of an upload, from a real HTTP server on loopback.
 */
const RATES = 'currency,unitsPerEur,source\r\nCHF,0.93,ECB\r\nUSD,1.07,ECB\r\n';
const MAX_BYTES = 4096;
const fx = new BackOfficeImports();
let source: Server;
let origin: string;
/** What the source served: path → times asked. */
const asked = new Map<string, number>();

beforeAll(async () => {
  source = createServer((request, response) => {
    const path = request.url ?? '/';
    asked.set(path, (asked.get(path) ?? 0) + 1);
    switch (path) {
      case '/ecb/rates-2025.csv':
        response.writeHead(200, { 'content-type': 'text/csv' }).end(RATES);
        return;
      case '/busy.csv':
        // Down at first, as a source under maintenance: the job is retried, not failed.
        if (asked.get(path) === 1) response.writeHead(503).end('maintenance');
        else response.writeHead(200, { 'content-type': 'text/csv' }).end(RATES);
        return;
      case '/latest':
        response.writeHead(302, { location: '/ecb/rates-2025.csv' }).end();
        return;
      case '/elsewhere':
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
        return;
      case '/rates.xlsx':
        response.end(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
        return;
      case '/huge.csv':
        // No length announced: the limit must hold while the body streams in.
        response.writeHead(200, { 'content-type': 'text/csv' });
        response.write(RATES);
        response.end('x'.repeat(MAX_BYTES));
        return;
      default:
        response.writeHead(404).end('not here');
    }
  });
  source.listen(0, '127.0.0.1');
  await once(source, 'listening');
  origin = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
  await fx.start({
    env: { IMPORT_SOURCE_HOSTS: new URL(origin).host, UPLOAD_MAX_BYTES: String(MAX_BYTES) },
  });
}, 120_000);

afterAll(async () => {
  await fx.stop();
  source?.close();
});

const body = { target: 'exchange-rates', year: 2025 };

async function importFrom(path: string, who: 'admin' | 'principal' = 'admin') {
  return fx.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: fx.as[who].headers,
    payload: { ...body, sourceUrl: `${origin}${path}` },
  });
}

async function rates() {
  return fx.db
    .select({ currency: exchangeRates.currency, unitsPerEur: exchangeRates.unitsPerEur })
    .from(exchangeRates)
    .where(eq(exchangeRates.year, 2025))
    .orderBy(asc(exchangeRates.currency));
}

describe('importing from a URL', () => {
  it('fetches the file, imports it like an upload, and keeps it as the job’s source file', async () => {
    const response = await importFrom('/latest');
    expect(response.statusCode, response.body).toBe(202);
    const jobs = await waitForPipeline(fx.app, fx.as.admin.headers, response.json().pipelineId);
    expect(jobs.map((job) => `${job.kind} ${job.state}`)).toEqual([
      'import succeeded',
      'recalculate succeeded',
      'aggregate succeeded',
    ]);
    expect(jobs[0]!.counts).toMatchObject({ read: 2, inserted: 2, skipped: 0 });
    expect(await rates()).toEqual([
      { currency: 'CHF', unitsPerEur: 0.93 },
      { currency: 'USD', unitsPerEur: 1.07 },
    ]);
    // Followed the redirect on the same host; what was imported can be downloaded again.
    expect(asked.get('/ecb/rates-2025.csv')).toBe(1);
    const detail = await fx.app.inject({
      url: `/api/v1/jobs/${jobs[0]!.id}`,
      headers: fx.as.admin.headers,
    });
    expect(detail.json().filename).toBe('rates-2025.csv');
    // The URL asked for, so the back office can fetch it again.
    expect(detail.json()).toMatchObject({ sourceUrl: `${origin}/latest`, factorSet: null });
    expect(await download(fx.app, fx.as.admin.headers, jobs[0]!.links.sourceFile!)).toBe(RATES);
  });

  it('retries a source that is down, then imports what it serves', async () => {
    const response = await importFrom('/busy.csv');
    expect(response.statusCode, response.body).toBe(202);
    const job = await waitForJob(fx.app, fx.as.admin.headers, response.json().jobId);
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect(asked.get('/busy.csv')).toBe(2);
    const detail = await fx.app.inject({
      url: `/api/v1/jobs/${job.id}`,
      headers: fx.as.admin.headers,
    });
    expect(detail.json().attempts).toBe(2);
    // One key per job: a fetch a crash cut off before the job recorded it is overwritten by the
    // retry's, never left behind.
    const [row] = await fx.db
      .select({ fileKey: dataIngestionJobs.fileKey })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.id, job.id));
    expect(row!.fileKey).toBe(fetchedFileKeyOf(job.id));
  });

  it('fails the job with the reason when the source refuses, sends no CSV, or too much', async () => {
    const before = await rates();
    for (const [path, reason] of [
      ['/gone.csv', /answered 404 Not Found: nothing was imported/],
      ['/rates.xlsx', /is not CSV text: .*ZIP archive/],
      ['/huge.csv', new RegExp(`larger than ${MAX_BYTES} bytes`)],
      ['/elsewhere', /redirects to 169\.254\.169\.254, which IMPORT_SOURCE_HOSTS does not list/],
    ] as const) {
      const response = await importFrom(path);
      expect(response.statusCode, response.body).toBe(202);
      const job = await waitForJob(fx.app, fx.as.admin.headers, response.json().jobId);
      expect(job.state, path).toBe('failed');
      expect(job.error, path).toMatch(reason);
    }
    expect(asked.has('/latest/meta-data')).toBe(false);
    expect(await rates()).toEqual(before);
  });

  it('refuses, before any job exists, a host not listed, a URL with an upload, or none', async () => {
    const jobs = await fx.jobCount();
    const refused = async (payload: Record<string, unknown>, status: number, detail: RegExp) => {
      const response = await fx.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: fx.as.admin.headers,
        payload: { ...body, ...payload },
      });
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toMatch(detail);
    };
    await refused({ sourceUrl: 'http://10.0.0.5/rates.csv' }, 422, /not from 10\.0\.0\.5/);
    await refused(
      { sourceUrl: `${origin.replace('127.0.0.1', 'localhost')}/ecb/rates-2025.csv` },
      422,
      /not from localhost/,
    );
    await refused({ sourceUrl: `ftp://127.0.0.1/rates.csv` }, 400, /.+/);
    await refused(
      { sourceUrl: `${origin}/ecb/rates-2025.csv`, uploadKey: 'uploads/x' },
      400,
      /one of the two/,
    );
    await refused({}, 400, /one of the two/);
    await refused(
      {
        target: 'module-data-unit',
        subModule: 'plane',
        unitId: fx.unitIds.get('L01'),
        sourceUrl: `${origin}/ecb/rates-2025.csv`,
      },
      400,
      /not from a URL/,
    );
    const asPrincipal = await importFrom('/ecb/rates-2025.csv', 'principal');
    expect(asPrincipal.statusCode).toBe(403);
    expect(await fx.jobCount()).toBe(jobs);
  });
});
