import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { signedInAdmin } from './support/identities.js';

let testDb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle);
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('probes', () => {
  it('/healthz answers without touching the database', async () => {
    const response = await app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz reports the database and storage as ready', async () => {
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { database: 'ok', storage: 'ok' } });
  });

  it('/readyz answers 503 naming the database once it is unreachable, /healthz stays 200', async () => {
    const other = await createTestDatabase({ migrated: false });
    const orphan = await buildTestApp(other.handle);
    try {
      await other.handle.close();
      const response = await orphan.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 503,
        detail: 'Not ready: database did not answer.',
        checks: { database: 'failed' },
      });
      expect((await orphan.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await orphan.close();
      await other.dispose().catch(() => {});
    }
  });
});

describe('/metrics', () => {
  it('exposes process metrics and HTTP durations by route pattern, method and status', async () => {
    const { headers } = await signedInAdmin(app, testDb.handle.db);
    await app.inject({ url: '/api/v1/units/2b0c7f8e-4a59-4a36-9d1e-0f6f8c2a1b3c', headers });
    await app.inject({ url: '/api/v1/units?pageSize=1', headers });
    await app.inject({ url: '/api/v1/units' });
    await app.inject({ url: '/no/such/page' });
    const response = await app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/units\/:id",status_code="404"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/units",status_code="200"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/units",status_code="401"\} 1/,
    );
    // Unmatched URLs share one label value, so a scan cannot explode the series count.
    expect(text).toContain('route="unmatched",status_code="404"');
    expect(text).not.toContain('/no/such/page');
  });
});
