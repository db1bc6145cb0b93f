import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/features/demo/seed.js';
import { dataEntries } from '../src/features/entries/table.js';
import { recordFileUnderClaim } from '../src/features/imports/claim.js';
import type { JobRunner } from '../src/features/jobs/runner.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { units } from '../src/features/units/table.js';
import { queryRows } from '../src/platform/db/query-rows.js';
import { startWorkers } from '../src/workers.js';
import { signIn, type SignedIn } from './support/identities.js';
import { uploadFile, waitForJob } from './support/imports.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * A job can be claimed more than once: a process that stalls past its lease (still alive,
 * still copying rows) and the process that takes the job over. Their staged rows are kept
 * apart by the claim, and only the claim that still holds the job commits.
 */
let testDb: TestDatabase;
let app: FastifyInstance;
let workers: JobRunner | undefined;
let principal: SignedIn;
let labId: string;
const db = () => testDb.handle.db;
const JOB_ENV = { JOB_LEASE_SECONDS: '2', JOB_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1' };

const PLANE_CSV = [
  'origin,destination,traveller,date,roundTrip,class',
  'GVA,CDG,Ada Meier,2025-03-01,true,economy',
  'GVA,JFK,Alan Favre,2025-04-12,yes,business',
].join('\r\n');

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(db(), testDb.handle.changes);
  const [lab] = await db().select({ id: units.id }).from(units).where(eq(units.code, 'L02'));
  labId = lab!.id;
  // No workers yet: the first test stages rows for a job before any claim of it runs.
  app = await buildTestApp(testDb.handle, { env: JOB_ENV });
  principal = await signIn(app, 'pi.l02@demo.example', DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await workers?.stop();
  await app?.close();
  await testDb?.dispose();
});

async function planeRowsOfLab() {
  const [row] = await db()
    .select({ n: count() })
    .from(dataEntries)
    .where(and(eq(dataEntries.unitId, labId), eq(dataEntries.subModule, 'plane')));
  return row!.n;
}

describe('claims of an import job', () => {
  it('commits an import only while its claim still holds the job', async () => {
    const [job] = await db()
      .insert(dataIngestionJobs)
      .values({
        pipelineId: randomUUID(),
        kind: 'import',
        target: 'airports',
        state: 'running',
        attempts: 2,
        run: 1,
      })
      .returning();
    const sha256 = randomUUID();
    const written = async (claim: typeof job) =>
      db().transaction((tx) => recordFileUnderClaim(tx, claim!, sha256));

    // An earlier claim (a stalled process) and a superseded run are refused…
    await expect(written({ ...job!, attempts: 1 })).rejects.toThrow(/taken over/);
    await expect(written({ ...job!, run: 0 })).rejects.toThrow(/taken over/);
    const [untouched] = await db()
      .select({ sha: dataIngestionJobs.fileSha256 })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.id, job!.id));
    expect(untouched!.sha).toBeNull();

    // …the claim that holds it records its file; once the job is cancelled, nobody can.
    await written(job);
    const [recorded] = await db()
      .select({ sha: dataIngestionJobs.fileSha256 })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.id, job!.id));
    expect(recorded!.sha).toBe(sha256);
    await db()
      .update(dataIngestionJobs)
      .set({ state: 'cancelled' })
      .where(eq(dataIngestionJobs.id, job!.id));
    await expect(written(job)).rejects.toThrow(/cancelled/);
  });

  it('merges only the rows its own claim staged, and leaves another claim’s alone', async () => {
    const uploadKey = await uploadFile(app, principal.headers, PLANE_CSV, 'trips.csv');
    const queued = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: principal.headers,
      payload: {
        target: 'module-data-unit',
        unitId: labId,
        mode: 'append',
        year: 2025,
        subModule: 'plane',
        uploadKey,
      },
    });
    expect(queued.statusCode, queued.body).toBe(202);
    const { jobId } = queued.json();
    // Rows another claim of the same job staged and is still staging: a later attempt than
    // the one the worker is about to make, so this claim's clean-up must not touch them.
    await db().execute(sql`
      insert into import_staged_entries
        (job_id, attempt, line, entry_id, unit_id, fields, note, kg_override, kg_co2eq,
         flags, emissions)
      select ${jobId}::uuid, 9, g, gen_random_uuid(), ${labId}::uuid,
             '{"origin":"GVA","destination":"LHR"}'::jsonb, null, null, 1, '[]'::jsonb,
             '[]'::jsonb
        from generate_series(1, 5) g`);
    const before = await planeRowsOfLab();

    workers = await startWorkers({
      config: testConfig(JOB_ENV),
      database: testDb.handle,
      store: app.storage,
      log: app.log,
    });
    const job = await waitForJob(app, principal.headers, jobId);
    expect(job.state, job.error ?? '').toBe('succeeded');
    expect(job.counts).toMatchObject({ read: 2, inserted: 2 });
    expect(await planeRowsOfLab()).toBe(before + 2);
    const staged = await queryRows<{ attempt: number; n: number }>(
      db(),
      sql`select attempt, count(*)::int as n from import_staged_entries
           where job_id = ${jobId} group by attempt`,
    );
    expect(staged).toEqual([{ attempt: 9, n: 5 }]);
  });
});
