import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob } from '../src/features/jobs/store.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { systemStatusSchema } from '../src/features/system/contract.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;
let app: FastifyInstance;
const as: Record<string, SignedIn> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.handle);
  await createUser(testDb.handle.db, 'admin@test.example', [{ role: 'admin' }]);
  await createUser(testDb.handle.db, 'nobody@test.example', []);
  as.admin = await signIn(app, 'admin@test.example');
  as.nobody = await signIn(app, 'nobody@test.example');
  // Jobs in every state a status cares about; no worker runs in this app, so they stay put.
  const db = testDb.handle.db;
  const set = async (state: 'running' | 'failed' | 'succeeded', kind: 'import' | 'aggregate') => {
    const job = await createJob(db, { kind, target: 'airports' });
    await db
      .update(dataIngestionJobs)
      .set({
        state,
        startedAt: new Date(),
        heartbeatAt: new Date(),
        error: state === 'failed' ? 'boom' : null,
      })
      .where(eq(dataIngestionJobs.id, job.id));
  };
  await createJob(db, { kind: 'import', target: 'airports' });
  await createJob(db, { kind: 'import', target: 'airports' });
  await set('running', 'import');
  await set('failed', 'aggregate');
  await set('succeeded', 'aggregate');
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('GET /api/v1/system/status', () => {
  it('shows readiness, queue depth per kind, running jobs and recent failures', async () => {
    const response = await app.inject({ url: '/api/v1/system/status', headers: as.admin!.headers });
    expect(response.statusCode, response.body).toBe(200);
    const status = systemStatusSchema.parse(response.json());
    expect(status.checks.map((c) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['storage', true],
    ]);
    const queue = (kind: string) => status.queues.find((q) => q.kind === kind);
    expect(queue('import')).toMatchObject({ queued: 2, running: 1, failedLast24h: 0 });
    expect(queue('aggregate')).toMatchObject({ queued: 0, failedLast24h: 1, succeededLast24h: 1 });
    expect(queue('registry-sync')).toMatchObject({ queued: 0, running: 0 });
    expect(status.running.map((job) => job.kind)).toEqual(['import']);
    expect(status.running[0]!.heartbeatAt).not.toBeNull();
    expect(status.recentFailures.map((job) => [job.kind, job.error])).toEqual([
      ['aggregate', 'boom'],
    ]);
  });

  it('is for administrators only', async () => {
    const refused = await app.inject({ url: '/api/v1/system/status', headers: as.nobody!.headers });
    expect(refused.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/system/status' })).statusCode).toBe(401);
  });
});
