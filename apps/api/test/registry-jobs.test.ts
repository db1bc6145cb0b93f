import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/features/jobs/runner.js';
import { units } from '../src/features/units/table.js';
import { startWorkers } from '../src/workers.js';
import { signedInAdmin, type SignedIn } from './support/identities.js';
import { waitForJob } from './support/imports.js';
import { type RegistryServer, startRegistryServer } from './support/registry-server.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;
let registry: RegistryServer;
let app: FastifyInstance;
let workers: JobRunner;
let admin: SignedIn;

const SNAPSHOT = {
  units: [
    {
      code: 'INST',
      nameEn: 'Institute',
      nameFr: 'Institut',
      level: 1,
      parentCode: null,
      type: 'organisation',
    },
    { code: 'LAB-X', nameEn: 'Lab X', nameFr: 'Labo X', level: 4, parentCode: 'INST', type: 'lab' },
  ],
  assignments: [],
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  registry = await startRegistryServer({ body: SNAPSHOT });
  const env = {
    REGISTRY_URL: registry.url,
    REGISTRY_RETRIES: '0',
    REGISTRY_SYNC_CRON: '0 3 * * *',
    JOB_LEASE_SECONDS: '2',
    JOB_POLL_SECONDS: '0.5',
    JOB_RETRY_LIMIT: '1',
    JOB_RETRY_DELAY_SECONDS: '1',
  };
  app = await buildTestApp(testDb.handle, { env });
  workers = await startWorkers({
    config: testConfig(env),
    database: testDb.handle,
    store: app.storage,
    log: app.log,
  });
  admin = await signedInAdmin(app, testDb.handle.db);
});

afterAll(async () => {
  await workers?.stop();
  await app?.close();
  await registry?.close();
  await testDb?.dispose();
});

const sync = () =>
  app.inject({ method: 'POST', url: '/api/v1/registry/sync', headers: admin.headers });

describe('the registry sync as a job', () => {
  it('pulls the registry on request and applies it', async () => {
    const response = await sync();
    expect(response.statusCode, response.body).toBe(202);
    const job = await waitForJob(app, admin.headers, response.json().jobId);
    expect(job.state).toBe('succeeded');
    const [lab] = await testDb.handle.db.select().from(units).where(eq(units.code, 'LAB-X'));
    expect(lab?.nameEn).toBe('Lab X');
  });

  it('retries a registry that fails, then fails the job with the reason', async () => {
    registry.otherwise({ status: 503, body: { error: 'maintenance' } });
    const response = await sync();
    const job = await waitForJob(app, admin.headers, response.json().jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/503/);
    const detail = await app.inject({ url: `/api/v1/jobs/${job.id}`, headers: admin.headers });
    expect(detail.json().attempts).toBe(2);
  });

  it('is scheduled on REGISTRY_SYNC_CRON', async () => {
    expect(await workers.jobQueue.schedules()).toContainEqual({
      name: 'schedule-registry-sync',
      cron: '0 3 * * *',
    });
  });
});
