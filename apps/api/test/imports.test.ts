import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/features/demo/seed.js';
import { dataEntries } from '../src/features/entries/table.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import type { JobRunner } from '../src/features/jobs/runner.js';
import { units } from '../src/features/units/table.js';
import { startWorkers } from '../src/workers.js';
import { signIn, type SignedIn } from './support/identities.js';
import {
  download,
  readEvents,
  type StreamedEvent,
  uploadFile,
  waitForJob,
  waitForPipeline,
} from './support/imports.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let workers: JobRunner;
const as: Record<string, SignedIn> = {};
const unitIds = new Map<string, string>();
const db = () => testDb.handle.db;

const JOB_ENV = { JOB_LEASE_SECONDS: '2', JOB_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1' };

const PLANE_HEADER = 'origin,destination,traveller,date,roundTrip,class';
const PLANE_CSV = [
  PLANE_HEADER,
  'GVA,CDG,Ada Meier,2025-03-01,true,economy',
  'GVA,JFK,Alan Favre,2025-04-12,yes,business',
  'GVA,CDG,Bad Flag,2025-05-01,maybe,economy',
  'GVA,XXX,Unknown Airport,2025-05-02,true,economy',
  'GVA,LHR,Grace Keller,2024-12-31,true,economy',
].join('\r\n');

async function planeRows(unit: string, source?: 'unit-csv' | 'backoffice-csv' | 'manual') {
  const [row] = await db()
    .select({ n: count() })
    .from(dataEntries)
    .where(
      and(
        eq(dataEntries.unitId, unitIds.get(unit)!),
        eq(dataEntries.year, 2025),
        eq(dataEntries.subModule, 'plane'),
        source ? eq(dataEntries.source, source) : undefined,
      ),
    );
  return row!.n;
}

async function jobCount() {
  const [row] = await db().select({ n: count() }).from(dataIngestionJobs);
  return row!.n;
}

async function importFile(
  who: string,
  csv: string,
  body: Record<string, unknown>,
  filename = 'trips.csv',
) {
  const uploadKey = await uploadFile(app, as[who]!.headers, csv, filename);
  return app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: as[who]!.headers,
    payload: { year: 2025, subModule: 'plane', uploadKey, ...body },
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(db(), testDb.handle.changes);
  for (const unit of await db().select({ id: units.id, code: units.code }).from(units)) {
    unitIds.set(unit.code, unit.id);
  }
  app = await buildTestApp(testDb.handle, { env: JOB_ENV });
  workers = await startWorkers({
    config: testConfig(JOB_ENV),
    database: testDb.handle,
    store: app.storage,
    log: app.log,
  });
  for (const [name, email] of [
    ['admin', 'admin@demo.example'],
    ['principal', 'pi.l02@demo.example'],
    ['member', 'member.l02@demo.example'],
    ['officer', 'officer.sci@demo.example'],
  ] as const) {
    as[name] = await signIn(app, email, DEMO_PASSWORD);
  }
}, 120_000);

afterAll(async () => {
  await workers?.stop();
  await app?.close();
  await testDb?.dispose();
});

describe('importing module data into a unit', () => {
  it('loads the valid rows, reports the rejected ones, and aggregates the year', async () => {
    const before = await planeRows('L02');
    const response = await importFile('principal', PLANE_CSV, {
      target: 'module-data-unit',
      unitId: unitIds.get('L02'),
      mode: 'append',
    });
    expect(response.statusCode, response.body).toBe(202);
    const { jobId, pipelineId } = response.json();
    const job = await waitForJob(app, as.principal!.headers, jobId);
    expect(job.state, job.error ?? '').toBe('warning');
    expect(job.counts).toMatchObject({ read: 5, inserted: 3, skipped: 2, withoutFactor: 0 });
    expect(await planeRows('L02')).toBe(before + 3);

    const report = await download(app, as.principal!.headers, job.links.errorReport!);
    const lines = report
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(`${PLANE_HEADER},line,reason`);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^GVA,CDG,Bad Flag,2025-05-01,maybe,economy,4,"roundTrip: must be yes or no/,
    );
    expect(lines[2]).toContain('date: 2024-12-31 is outside the year 2025');

    const jobs = await waitForPipeline(app, as.principal!.headers, pipelineId);
    expect(jobs.map((j) => j.kind)).toEqual(['import', 'aggregate']);
    expect(jobs[1]!.state).toBe('succeeded');
  });

  it('does not double the rows of a file imported twice', async () => {
    const before = await planeRows('L02');
    for (let i = 0; i < 2; i += 1) {
      const response = await importFile('principal', PLANE_CSV.replace('Ada', 'Marie'), {
        target: 'module-data-unit',
        unitId: unitIds.get('L02'),
        mode: 'append',
      });
      await waitForJob(app, as.principal!.headers, response.json().jobId);
    }
    expect(await planeRows('L02')).toBe(before + 3);
  });

  it('replaces the unit’s CSV rows in replace mode, and keeps its manual rows', async () => {
    const manual = await planeRows('L02', 'manual');
    const response = await importFile(
      'principal',
      [PLANE_HEADER, 'GVA,FRA,Tim,2025-06-01,true,economy'].join('\n'),
      {
        target: 'module-data-unit',
        unitId: unitIds.get('L02'),
        mode: 'replace',
      },
    );
    const job = await waitForJob(app, as.principal!.headers, response.json().jobId);
    expect(job.state).toBe('succeeded');
    expect(await planeRows('L02', 'unit-csv')).toBe(1);
    expect(await planeRows('L02', 'manual')).toBe(manual);
  });

  it('refuses what the caller may not do, before any job exists', async () => {
    const jobsBefore = await jobCount();
    const foreign = await importFile('principal', PLANE_CSV, {
      target: 'module-data-unit',
      unitId: unitIds.get('L01'),
    });
    expect(foreign.statusCode).toBe(404);
    const member = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: as.member!.headers,
      payload: {
        target: 'module-data-unit',
        year: 2025,
        subModule: 'plane',
        unitId: unitIds.get('L02'),
        uploadKey: 'uploads/x',
      },
    });
    expect(member.statusCode).toBe(403);
    const allUnits = await importFile('principal', PLANE_CSV, { target: 'module-data-all' });
    expect(allUnits.statusCode).toBe(403);
    expect(allUnits.headers['content-type']).toContain('application/problem+json');
    // A module may be named too; it must be the sub-module's, and it does not replace it.
    const mine = { target: 'module-data-unit', unitId: unitIds.get('L02') };
    const wrongModule = await importFile('principal', PLANE_CSV, { ...mine, module: 'buildings' });
    expect(wrongModule.statusCode).toBe(400);
    expect(wrongModule.json().errors).toEqual([
      { path: 'body.subModule', message: 'not a sub-module of buildings' },
    ]);
    const moduleOnly = await importFile('principal', PLANE_CSV, {
      ...mine,
      module: 'professional-travel',
      subModule: undefined,
    });
    expect(moduleOnly.statusCode).toBe(400);
    expect(moduleOnly.json().detail).toBe(
      'Module data is imported one sub-module at a time: one of plane, train.',
    );
    const jobsAfter = await jobCount();
    expect(jobsAfter).toEqual(jobsBefore);
  });
});

describe('importing module data for all units', () => {
  const allUnitsCsv = (destination: string) =>
    [
      `unitCode;${PLANE_HEADER.replaceAll(',', ';')}`,
      `L05;GVA;${destination};Ada;2025-03-01;true;economy`,
      `L06;GVA;${destination};Alan;2025-03-02;true;economy`,
      `NOPE;GVA;${destination};Grace;2025-03-03;true;economy`,
    ].join('\r\n');

  it('replaces the earlier back-office rows of the year and sub-module', async () => {
    for (const destination of ['CDG', 'AMS']) {
      const response = await importFile('admin', allUnitsCsv(destination), {
        target: 'module-data-all',
      });
      expect(response.statusCode, response.body).toBe(202);
      const job = await waitForJob(app, as.admin!.headers, response.json().jobId);
      expect(job.counts).toMatchObject({ read: 3, inserted: 2, skipped: 1 });
    }
    expect(await planeRows('L05', 'backoffice-csv')).toBe(1);
    expect(await planeRows('L06', 'backoffice-csv')).toBe(1);
    const [row] = await db()
      .select({ fields: dataEntries.fields })
      .from(dataEntries)
      .where(
        and(
          eq(dataEntries.unitId, unitIds.get('L05')!),
          eq(dataEntries.source, 'backoffice-csv'),
          eq(dataEntries.subModule, 'plane'),
        ),
      );
    expect(row?.fields).toMatchObject({ destination: 'AMS' });
  });

  it('fails a file whose header does not fit, and changes nothing', async () => {
    const before = await planeRows('L02');
    const response = await importFile('admin', 'from\tto\nGVA\tCDG\n', {
      target: 'module-data-all',
    });
    const job = await waitForJob(app, as.admin!.headers, response.json().jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/header does not fit/);
    expect(await planeRows('L02')).toBe(before);
  });
});

describe('jobs', () => {
  it('lists the jobs a caller may see: a principal their unit’s, not the back office’s', async () => {
    const mine = await app.inject({ url: '/api/v1/jobs', headers: as.principal!.headers });
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as { unitId: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((job) => job.unitId === unitIds.get('L02'))).toBe(true);
    const all = await app.inject({ url: '/api/v1/jobs?kind=import', headers: as.admin!.headers });
    expect(all.json().total).toBeGreaterThan(
      mine.json().items.filter((j: { kind: string }) => j.kind === 'import').length,
    );
  });

  it('reports jobs by kind and state in the metrics, from the job table', async () => {
    const metrics = (await app.inject({ url: '/metrics' })).body;
    const warnings = metrics.match(/^co2_jobs\{kind="import",state="warning"\} (\d+)$/m);
    expect(Number(warnings?.[1])).toBeGreaterThanOrEqual(3);
    expect(metrics).toMatch(/^co2_jobs\{kind="aggregate",state="succeeded"\} \d+$/m);
  });

  it('cancels a queued job and runs it again on request', async () => {
    await workers.stop();
    try {
      const response = await importFile('principal', PLANE_CSV, {
        target: 'module-data-unit',
        unitId: unitIds.get('L02'),
      });
      const { jobId } = response.json();
      const cancelled = await app.inject({
        method: 'DELETE',
        url: `/api/v1/jobs/${jobId}`,
        headers: as.principal!.headers,
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json().state).toBe('cancelled');
      const again = await app.inject({
        method: 'DELETE',
        url: `/api/v1/jobs/${jobId}`,
        headers: as.principal!.headers,
      });
      expect(again.statusCode).toBe(409);
      const retried = await app.inject({
        method: 'POST',
        url: `/api/v1/jobs/${jobId}/retry`,
        headers: as.principal!.headers,
      });
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.json().state).toBe('queued');
      workers = await startWorkers({
        config: testConfig(JOB_ENV),
        database: testDb.handle,
        store: app.storage,
        log: app.log,
      });
      const done = await waitForJob(app, as.principal!.headers, jobId);
      expect(done.state).toBe('warning');
    } finally {
      // started again above; stopped by afterAll
    }
  });
});

describe('live job events', () => {
  let base: string;
  beforeAll(async () => {
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  const finishedEvent = (jobId: string) => (event: StreamedEvent) => {
    const job = JSON.parse(event.data) as { id: string; kind: string; state: string };
    return job.id === jobId && ['succeeded', 'warning', 'failed'].includes(job.state);
  };

  it('streams an import’s phases to its principal, and resumes after a reconnect', async () => {
    // Connected before the import starts; the job's id is known once it is queued.
    const started: { jobId?: string } = {};
    const events = readEvents(
      `${base}/api/v1/jobs/events`,
      as.principal!.headers,
      (event) => started.jobId !== undefined && finishedEvent(started.jobId)(event),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const response = await importFile('principal', PLANE_CSV, {
      target: 'module-data-unit',
      unitId: unitIds.get('L02'),
    });
    const jobId = response.json().jobId as string;
    started.jobId = jobId;
    const received = (await events).filter((event) => JSON.parse(event.data).id === jobId);
    const states = received.map((event) => JSON.parse(event.data).state);
    expect(states[0]).toBe('queued');
    expect(states).toContain('running');
    expect(states.at(-1)).toBe('warning');
    const phases = received.map((event) => JSON.parse(event.data).phase);
    // Each event is the job as it is when read: a phase that lasted less than a read may be
    // skipped, but phases only move forward, from the upload to the last one.
    const order = ['upload', 'parse', 'load', 'calculate'];
    const steps = phases.map((phase) => order.indexOf(phase));
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(phases[0]).toBe('upload');
    expect(phases.at(-1)).toBe('calculate');
    // Event ids increase, so a client resumes after the last one it saw.
    const ids = received.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const resumed = await readEvents(
      `${base}/api/v1/jobs/events`,
      { ...as.principal!.headers, 'last-event-id': String(ids[0]) },
      finishedEvent(jobId),
    );
    expect(resumed.every((event) => Number(event.id) > ids[0]!)).toBe(true);
    expect(JSON.parse(resumed.at(-1)!.data).state).toBe('warning');
  });

  it('answers with its headers at once, before any job changes', async () => {
    // Nothing happens to any job here: fetch only resolves if the headers are flushed
    // (otherwise it waits for the first event or the heartbeat, beyond the test timeout).
    const controller = new AbortController();
    const response = await fetch(`${base}/api/v1/jobs/events`, {
      headers: { ...as.principal!.headers, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    controller.abort();
  }, 5_000);

  it('shows nobody the jobs they may not see', async () => {
    const member = await fetch(`${base}/api/v1/jobs/events`, {
      headers: { ...as.member!.headers, accept: 'text/event-stream' },
    });
    expect(member.status).toBe(403);
    await member.body?.cancel();

    // The principal's stream, replayed from the start, holds none of the admin's jobs.
    const replay = await readEvents(
      `${base}/api/v1/jobs/events`,
      { ...as.principal!.headers, 'last-event-id': '0' },
      () => false,
      1_500,
    );
    expect(replay.length).toBeGreaterThan(0);
    expect(replay.every((event) => JSON.parse(event.data).unitId === unitIds.get('L02'))).toBe(
      true,
    );
  });
});
