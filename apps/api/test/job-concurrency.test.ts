import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/features/demo/seed.js';
import type { JobRunner } from '../src/features/jobs/runner.js';
import { createJob } from '../src/features/jobs/store.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { createObjectStore } from '../src/platform/storage/create-object-store.js';
import { startWorkers } from '../src/workers.js';
import { captureLogs } from './support/log-capture.js';
import { testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** JOB_CONCURRENCY: how many jobs of each kind a process runs at once, 0 for none. */
let testDb: TestDatabase;
let workers: JobRunner | undefined;
const db = () => testDb.handle.db;
const JOB_ENV = {
  JOB_LEASE_SECONDS: '2',
  JOB_POLL_SECONDS: '0.5',
  JOB_RETRY_LIMIT: '0',
  HOUSEKEEPING_CRON: '',
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(db(), testDb.handle.changes);
}, 120_000);

afterAll(async () => {
  await workers?.stop();
  await testDb?.dispose();
});

async function start(env: Record<string, string>) {
  const config = testConfig({ ...JOB_ENV, ...env });
  return startWorkers({
    config,
    database: testDb.handle,
    store: createObjectStore(config, 'job-concurrency-test-secret'),
    log: captureLogs().logger as unknown as FastifyBaseLogger,
  });
}

async function stateOf(id: string) {
  const [row] = await db()
    .select({ state: dataIngestionJobs.state })
    .from(dataIngestionJobs)
    .where(eq(dataIngestionJobs.id, id));
  return row!.state;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('JOB_CONCURRENCY', () => {
  it('leaves the jobs of a kind set to 0 to other processes, and runs the other kinds', async () => {
    workers = await start({ JOB_CONCURRENCY: 'import=0' });
    // An import without a file: whoever runs it fails it at once.
    const im = await createJob(db(), { kind: 'import', target: 'airports', year: 2025 });
    const aggregate = await createJob(db(), { kind: 'aggregate', year: 2025, module: 'travel' });
    await until(async () => (await stateOf(aggregate.id)) === 'succeeded');
    // Several polls of the queue later, the import is still waiting for a worker of its kind.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await stateOf(im.id)).toBe('queued');

    await workers.stop();
    workers = await start({});
    await until(async () => (await stateOf(im.id)) === 'failed');
  });
});
