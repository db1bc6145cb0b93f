import { randomUUID } from 'node:crypto';
import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIM_SETTLE_MS,
  sweepAbandonedUploads,
} from '../src/features/housekeeping/abandoned-uploads.js';
import { HOUSEKEEPING_QUEUE } from '../src/features/housekeeping/schedule.js';
import { runHousekeeping } from '../src/features/housekeeping/sweep.js';
import type { JobRunner } from '../src/features/jobs/runner.js';
import { createJob } from '../src/features/jobs/store.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import type { JobState } from '../src/features/jobs/kinds.js';
import { UPLOAD_CLAIM_GRACE_MS } from '../src/features/uploads/service.js';
import { uploads } from '../src/features/uploads/table.js';
import type { Config } from '../src/platform/config/env.js';
import { queryRows } from '../src/platform/db/query-rows.js';
import { newObjectKey } from '../src/platform/storage/object-key.js';
import { deliveryId } from '../src/platform/queue/job-queue.js';
import { startWorkers } from '../src/workers.js';
import { createUser, signIn, type TestUser } from './support/identities.js';
import { uploadFile } from './support/imports.js';
import { captureLogs } from './support/log-capture.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const HOUR = 3600 * 1000;
const CSV = 'unit;kWh\r\nLAB;12\r\n';
/** The sweeps' clock: three days ahead, when every upload made by this file is past due. */
const NOW = new Date(Date.now() + 72 * HOUR);
/** The last moment an upload may have expired at and still be swept at NOW. */
const SWEEPABLE_BEFORE = NOW.getTime() - UPLOAD_CLAIM_GRACE_MS - CLAIM_SETTLE_MS;

let testDb: TestDatabase;
let config: Config;
let app: FastifyInstance;
let user: TestUser;
let headers: { authorization: string };
const db = () => testDb.handle.db;
const sweep = (now = NOW) => runHousekeeping({ db: db(), store: app.storage }, now);

beforeAll(async () => {
  testDb = await createTestDatabase();
  config = testConfig();
  app = await buildTestApp(testDb.handle, { config });
  // Uploading needs a role that sees units; an administrator has one.
  user = await createUser(db(), 'uploader@test.example', [{ role: 'admin' }]);
  headers = (await signIn(app, user.email)).headers;
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const objectsDir = () => path.join(config.dataDir, 'objects');

async function uploadRow(key: string) {
  const [row] = await db().select().from(uploads).where(eq(uploads.key, key));
  return row;
}

async function setExpiry(key: string, expiresAt: Date) {
  await db().update(uploads).set({ expiresAt }).where(eq(uploads.key, key));
}

/** An upload recorded and stored without the API, as many as a backlog needs. */
async function storedUpload(expiresAt: Date): Promise<string> {
  const key = newObjectKey('uploads');
  await app.storage.write(key, CSV, 'text/csv');
  await db().insert(uploads).values({
    key,
    createdBy: user.id,
    filename: 'old.csv',
    contentType: 'text/csv',
    declaredSize: CSV.length,
    expiresAt,
  });
  return key;
}

/** A job row in `state`; none is queued, so a worker started later never picks these up. */
async function jobIn(state: Exclude<JobState, 'queued'>, fileKey?: string): Promise<string> {
  const job = await createJob(db(), {
    kind: 'import',
    target: 'module-data',
    fileKey,
    filename: fileKey && 'travel.csv',
    createdBy: user.id,
  });
  await db()
    .update(dataIngestionJobs)
    .set({ state, finishedAt: state === 'running' ? null : new Date() })
    .where(eq(dataIngestionJobs.id, job.id));
  return job.id;
}

async function jobCount() {
  const [row] = await db().select({ n: count() }).from(dataIngestionJobs);
  return row!.n;
}

describe('abandoned uploads', () => {
  it('deletes an upload past its claim deadline, row and object, and keeps one within its grace period', async () => {
    const abandoned = await uploadFile(app, headers, CSV);
    const withinGrace = await uploadFile(app, headers, CSV);
    // Its URL expired an hour before the sweep: the user may still import it today.
    await setExpiry(withinGrace, new Date(NOW.getTime() - HOUR));
    // A ticket whose file never arrived: a row without an object.
    const neverSent = await app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers,
      payload: { filename: 'lost.csv', contentType: 'text/csv', size: 10 },
    });
    expect(neverSent.statusCode, neverSent.body).toBe(201);
    expect(await app.storage.stat(abandoned)).toEqual({ size: CSV.length });

    const counts = await sweep();

    expect(counts.abandonedUploads).toBe(2);
    expect(await uploadRow(abandoned)).toBeUndefined();
    expect(await uploadRow(neverSent.json().key)).toBeUndefined();
    expect(await app.storage.stat(abandoned)).toBeUndefined();
    await expect(stat(path.join(objectsDir(), abandoned))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await uploadRow(withinGrace)).toBeDefined();
    expect(await app.storage.stat(withinGrace)).toEqual({ size: CSV.length });
  });

  it('leaves an upload alone for a while past its deadline, as a claim made at the deadline settles', async () => {
    const settling = await storedUpload(new Date(SWEEPABLE_BEFORE + 60_000));
    const due = await storedUpload(new Date(SWEEPABLE_BEFORE - 60_000));

    expect((await sweep()).abandonedUploads).toBe(1);
    expect(await uploadRow(due)).toBeUndefined();
    expect(await app.storage.stat(due)).toBeUndefined();
    expect(await uploadRow(settling)).toBeDefined();
    expect(await app.storage.stat(settling)).toBeDefined();
  });

  it('keeps for good an expired upload a job references, with its object', async () => {
    const imported = await uploadFile(app, headers, CSV, 'travel.csv');
    await jobIn('succeeded', imported);
    const failedImport = await uploadFile(app, headers, CSV, 'travel.csv');
    await jobIn('failed', failedImport);

    // Ten years on, the jobs' source files can still be downloaded.
    await sweep(new Date(NOW.getTime() + 10 * 365 * 24 * HOUR));

    for (const key of [imported, failedImport]) {
      expect(await uploadRow(key)).toBeDefined();
      expect((await app.storage.head(key, 100)).toString()).toBe(CSV);
    }
  });

  it('works through a backlog larger than one batch, never touching referenced uploads', async () => {
    const longAgo = new Date(SWEEPABLE_BEFORE - 48 * HOUR);
    const backlog = [];
    for (let i = 0; i < 5; i += 1) backlog.push(await storedUpload(longAgo));
    const referenced = await storedUpload(longAgo);
    await jobIn('warning', referenced);

    expect(await sweepAbandonedUploads(db(), app.storage, NOW, 2)).toBe(5);

    for (const key of backlog) {
      expect(await uploadRow(key)).toBeUndefined();
      expect(await app.storage.stat(key)).toBeUndefined();
    }
    expect(await uploadRow(referenced)).toBeDefined();
    expect(await app.storage.stat(referenced)).toBeDefined();
  });
});

describe('partial files of the filesystem store', () => {
  it('deletes those a dead write left a day ago, and keeps one being written', async () => {
    const partialDir = path.join(objectsDir(), '.partial');
    await mkdir(partialDir, { recursive: true });
    const dead = path.join(partialDir, randomUUID());
    const inProgress = path.join(partialDir, randomUUID());
    await writeFile(dead, 'half of a fi');
    await writeFile(inProgress, 'the first lines');
    const twoDaysAgo = new Date(Date.now() - 48 * HOUR);
    await utimes(dead, twoDaysAgo, twoDaysAgo);

    expect((await sweep()).incompleteWrites).toBe(1);
    await expect(stat(dead)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await stat(inProgress)).isFile()).toBe(true);
  });
});

describe('orphaned import staging rows', () => {
  async function stage(jobId: string, lines: number) {
    for (let line = 1; line <= lines; line += 1) {
      await db().execute(sql`
        insert into import_staged_entries
          (job_id, line, entry_id, unit_id, fields, kg_co2eq, flags, emissions)
        values (${jobId}, ${line}, ${randomUUID()}, ${randomUUID()}, '{}', 1.5, '{}', '[]')`);
      await db().execute(sql`
        insert into import_staged_rows (job_id, line, data)
        values (${jobId}, ${line}, '{"code":"X"}')`);
    }
  }

  async function stagedPerJob(table: 'import_staged_entries' | 'import_staged_rows') {
    const rows = await queryRows<{ job_id: string; n: number }>(
      db(),
      sql`select job_id, count(*)::int as n from ${sql.identifier(table)} group by job_id`,
    );
    return Object.fromEntries(rows.map((row) => [row.job_id, row.n]));
  }

  it('deletes the rows of jobs that are not running, and keeps a running job’s', async () => {
    const finished = await jobIn('succeeded');
    const cancelled = await jobIn('cancelled');
    const running = await jobIn('running');
    const vanished = randomUUID(); // no such job
    await stage(finished, 3);
    await stage(cancelled, 1);
    await stage(running, 2);
    await stage(vanished, 1);

    const counts = await sweep();

    expect(counts).toMatchObject({ stagedEntries: 5, stagedRows: 5 });
    expect(await stagedPerJob('import_staged_entries')).toEqual({ [running]: 2 });
    expect(await stagedPerJob('import_staged_rows')).toEqual({ [running]: 2 });
  });

  it('has nothing to delete on a sweep right after', async () => {
    expect(await sweep()).toEqual({
      abandonedUploads: 0,
      incompleteWrites: 0,
      stagedEntries: 0,
      stagedRows: 0,
    });
  });
});

describe('the schedule', () => {
  let workers: JobRunner | undefined;

  afterAll(async () => {
    await workers?.stop();
  });

  const logs = captureLogs();
  const start = (env: Record<string, string>) =>
    startWorkers({
      config: testConfig({ JOB_POLL_SECONDS: '0.5', ...env }),
      database: testDb.handle,
      store: app.storage,
      log: logs.logger as unknown as FastifyBaseLogger,
    });
  const sweepLogs = () => logs.lines.filter((line) => line.housekeeping !== undefined);

  it('is off with HOUSEKEEPING_CRON empty', async () => {
    workers = await start({ HOUSEKEEPING_CRON: '' });
    expect(await workers.jobQueue.schedules()).toEqual([]);
    await workers.stop();
    workers = undefined;
  });

  it('runs the sweep on HOUSEKEEPING_CRON through the queue, logging its counts and recording no job', async () => {
    workers = await start({ HOUSEKEEPING_CRON: '5 * * * *' });
    expect(await workers.jobQueue.schedules()).toEqual([
      { name: HOUSEKEEPING_QUEUE, cron: '5 * * * *' },
    ]);

    const abandoned = await storedUpload(new Date(Date.now() - 72 * HOUR));
    const jobsBefore = await jobCount();
    // What the cron sends on each tick: a delivery without data.
    await workers.jobQueue.send(HOUSEKEEPING_QUEUE, {}, { id: deliveryId('housekeeping-test') });

    const deadline = Date.now() + 20_000;
    while (sweepLogs().length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await uploadRow(abandoned)).toBeUndefined();
    expect(await app.storage.stat(abandoned)).toBeUndefined();
    expect(await jobCount()).toBe(jobsBefore);
    expect(sweepLogs()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'housekeeping deleted 1 abandoned uploads, 0 incomplete writes and 0 orphaned staged rows',
        housekeeping: { abandonedUploads: 1, incompleteWrites: 0, stagedEntries: 0, stagedRows: 0 },
      }),
    ]);
  });

  it('is removed when a later start has HOUSEKEEPING_CRON empty', async () => {
    await workers?.stop();
    workers = await start({ HOUSEKEEPING_CRON: '' });
    expect(await workers.jobQueue.schedules()).toEqual([]);
  });
});
