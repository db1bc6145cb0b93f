import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/features/demo/seed.js';
import type { DatabaseHandle } from '../src/platform/db/database.js';
import { lockDataDir } from '../src/platform/db/data-dir-lock.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import { queryRows } from '../src/platform/db/query-rows.js';
import { readEvents } from './support/imports.js';
import {
  HttpClient,
  planeTripsCsv,
  ProcessGroup,
  type RunningProcess,
  sharedEnv,
} from './support/processes.js';
import { createServerDatabase, serverUrl } from './support/test-database.js';

/**
 * Background jobs as a deployment runs them: `serve` processes that only answer HTTP
 * (JOB_WORKERS=0) and `worker` processes, all real, on one PostgreSQL database and one
 * storage directory. A worker is killed with SIGKILL (no shutdown hook, no rollback by the
 * process itself) to show that its job is taken over and loaded exactly once.
 */

const FINISHED = ['succeeded', 'warning', 'failed', 'cancelled'];

if (serverUrl) {
  describe('jobs across processes (PostgreSQL server)', () => {
    const group = new ProcessGroup();
    let database: { url: string; directUrl?: string; drop: () => Promise<void> } | undefined;
    let handle: DatabaseHandle | undefined;
    let dataDir: string;
    let env: Record<string, string>;
    let serveA: RunningProcess;
    let serveB: RunningProcess;
    let worker: RunningProcess | undefined;
    const unitIds = new Map<string, string>();
    const db = () => handle!.db;

    interface JobRecord {
      state: string;
      run: number;
      attempts: number;
      rows_done: number;
      pipeline_id: string;
    }

    const jobRecord = async (id: string) =>
      (
        await queryRows<JobRecord>(
          db(),
          sql`select state, run, attempts, rows_done, pipeline_id
                from data_ingestion_jobs where id = ${id}`,
        )
      )[0]!;

    /** The unit's plane rows of 2025, and how many distinct travellers among those of `prefix`. */
    async function planeRows(unit: string, prefix = '') {
      const [row] = await queryRows<{ n: number; mine: number; travellers: number }>(
        db(),
        sql`select count(*)::int as n,
                   count(*) filter (where fields->>'traveller' like ${prefix + '-%'})::int as mine,
                   count(distinct fields->>'traveller')
                     filter (where fields->>'traveller' like ${prefix + '-%'})::int as travellers
              from data_entries
             where unit_id = ${unitIds.get(unit)!} and year = 2025 and sub_module = 'plane'`,
      );
      return row!;
    }

    /** Every job of a pipeline is finished, and the aggregation it queued is among them. */
    async function pipelineOf(pipelineId: string, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const jobs = await queryRows<{ kind: string; state: string }>(
          db(),
          sql`select kind, state from data_ingestion_jobs
               where pipeline_id = ${pipelineId} order by created_at`,
        );
        if (jobs.every((job) => FINISHED.includes(job.state)) && jobs.at(-1)?.kind === 'aggregate')
          return jobs;
        if (Date.now() > deadline) throw new Error(`pipeline unfinished: ${JSON.stringify(jobs)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    const diagnostics = () =>
      [serveA, serveB, worker]
        .filter((p): p is RunningProcess => p !== undefined)
        .map((p) => `--- ${p.name}\n${p.output().slice(-4000)}`)
        .join('\n');

    beforeAll(async () => {
      database = await createServerDatabase();
      handle = await openPostgres({
        url: database.url,
        directUrl: database.directUrl,
        poolSize: 3,
      });
      const direct: Record<string, string> = database.directUrl
        ? { DATABASE_DIRECT_URL: database.directUrl }
        : {};
      await migrate(handle);
      dataDir = mkdtempSync(path.join(tmpdir(), 'co2-processes-'));
      env = sharedEnv({
        DATABASE_URL: database.url,
        ...direct,
        DATABASE_POOL_SIZE: '4',
        DATA_DIR: dataDir,
        STORAGE_DRIVER: 'fs',
        // A short lease, so a takeover happens within the test.
        JOB_LEASE_SECONDS: '2',
        JOB_POLL_SECONDS: '0.5',
        JOB_RETRY_DELAY_SECONDS: '1',
      });
      // The processes start while the demo institution is seeded: they need it only later.
      const starting = Promise.allSettled([
        group.start('serve A', 'serve', { ...env, JOB_WORKERS: '0' }),
        group.start('serve B', 'serve', { ...env, JOB_WORKERS: '0' }),
        group.start('worker 1', 'worker', env),
      ]);
      await seedDemo(handle.db, handle.changes);
      for (const unit of await queryRows<{ id: string; code: string }>(
        handle.db,
        sql`select id, code from units`,
      )) {
        unitIds.set(unit.code, unit.id);
      }
      const started = (await starting).map((result) => {
        if (result.status === 'rejected') throw result.reason;
        return result.value;
      });
      [serveA, serveB, worker] = started as [RunningProcess, RunningProcess, RunningProcess];
    }, 120_000);

    afterAll(async () => {
      await group.stopAll();
      await handle?.close();
      await database?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    it('a worker killed mid-import: another takes the job over after the lease, and it loads once', async () => {
      const pi = await new HttpClient(serveA.url!).signIn('pi.l02@demo.example', DEMO_PASSWORD);
      const before = await planeRows('L02', 'crash');
      // Large enough that the import is still reading when the worker is killed.
      const rows = 25_000;
      const jobId = await pi.importFile(planeTripsCsv(rows, 'crash'), {
        target: 'module-data-unit',
        unitId: unitIds.get('L02'),
        mode: 'append',
      });

      const deadline = Date.now() + 60_000;
      let running: JobRecord;
      for (;;) {
        running = await jobRecord(jobId);
        if (running.state === 'running' && running.rows_done > 0) break;
        expect(FINISHED, `the import ended before the worker could be killed`).not.toContain(
          running.state,
        );
        if (Date.now() > deadline) throw new Error(`job still ${running.state}\n${diagnostics()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await group.crash(worker!);
      worker = undefined;

      // Nobody else runs jobs: the dead worker's job stays as it left it, half done.
      const orphaned = await jobRecord(jobId);
      expect(orphaned).toMatchObject({ state: 'running', run: 1, attempts: 1 });
      expect(orphaned.rows_done).toBeLessThan(rows);

      worker = await group.start('worker 2', 'worker', env);
      const done = await pi.waitForJob(jobId);
      expect(done.state, `${done.error}\n${diagnostics()}`).toBe('succeeded');
      expect(done.counts).toMatchObject({ read: rows, inserted: rows, skipped: 0 });
      expect(done.rowsDone).toBe(rows);
      // The takeover shows: a second run, a second attempt, and no third.
      expect(done.attempts).toBe(2);
      expect(await jobRecord(jobId)).toMatchObject({ state: 'succeeded', run: 2, attempts: 2 });

      // Every row once: none lost, none twice.
      const after = await planeRows('L02', 'crash');
      expect(after.mine).toBe(rows);
      expect(after.travellers).toBe(rows);
      expect(after.n).toBe(before.n + rows);
      const [emissions] = await queryRows<{ entries: number; orphans: number }>(
        db(),
        sql`select count(distinct e.entry_id)::int as entries,
                   (select count(*)::int from import_staged_entries where job_id = ${jobId})
                     as orphans
              from emissions e join data_entries d on d.id = e.entry_id
             where d.import_job_id = ${jobId}`,
      );
      expect(emissions).toEqual({ entries: rows, orphans: 0 });

      // The pipeline went on once: one aggregation, after the import.
      const pipeline = await pipelineOf(done.pipelineId);
      expect(pipeline).toEqual([
        { kind: 'import', state: 'succeeded' },
        { kind: 'aggregate', state: 'succeeded' },
      ]);
    }, 180_000);

    it('a merge held up longer than the lease keeps its lease: the job runs once', async () => {
      worker ??= await group.start('worker 3', 'worker', env);
      const admin = await new HttpClient(serveA.url!).signIn('admin@demo.example', DEMO_PASSWORD);
      const rows = 1_000;
      const before = await planeRows('L08', 'held');
      // Another transaction holds the unit's report (as a person saving a row would, only
      // longer): the merge of the import waits for it, well beyond the lease.
      const holder = new pg.Client({ connectionString: database!.directUrl ?? database!.url });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query(
          `select id from reports where unit_id = $1 and year = 2025 and kind = 'official'
             for update`,
          [unitIds.get('L08')],
        );
        const [{ pid }] = (await holder.query('select pg_backend_pid() as pid')).rows as [
          { pid: number },
        ];
        const jobId = await admin.importFile(planeTripsCsv(rows, 'held'), {
          target: 'module-data-unit',
          unitId: unitIds.get('L08'),
          mode: 'append',
        });
        const deadline = Date.now() + 60_000;
        for (;;) {
          const [blocked] = await queryRows<{ waiting: number }>(
            db(),
            sql`select count(*)::int as waiting from pg_stat_activity
                 where ${pid}::int = any(pg_blocking_pids(pid))`,
          );
          if (blocked!.waiting > 0) break;
          const job = await jobRecord(jobId);
          expect(FINISHED).not.toContain(job.state);
          if (Date.now() > deadline) throw new Error(`the merge never waited\n${diagnostics()}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const [{ blockedAt }] = (await queryRows<{ blockedAt: string }>(
          db(),
          sql`select now()::text as "blockedAt"`,
        )) as [{ blockedAt: string }];
        // Two leases long: a run that stopped renewing would be taken over meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 2 * 2_000));
        const [waited] = await queryRows<JobRecord & { renewed: boolean }>(
          db(),
          sql`select state, run, attempts, heartbeat_at > ${blockedAt}::timestamptz as renewed
                from data_ingestion_jobs where id = ${jobId}`,
        );
        expect(waited).toMatchObject({ state: 'running', run: 1, attempts: 1, renewed: true });
        await holder.query('commit');

        const done = await admin.waitForJob(jobId);
        expect(done.state, `${done.error}\n${diagnostics()}`).toBe('succeeded');
        expect(await jobRecord(jobId)).toMatchObject({ run: 1, attempts: 1 });
        const after = await planeRows('L08', 'held');
        expect(after.mine).toBe(rows);
        expect(after.travellers).toBe(rows);
        expect(after.n).toBe(before.n + rows);
        const pipeline = await pipelineOf(done.pipelineId);
        expect(pipeline.map((job) => job.kind)).toEqual(['import', 'aggregate']);
      } finally {
        await holder.end();
      }
    }, 120_000);

    it('a worker killed mid-aggregation: the aggregation is taken over too', async () => {
      worker ??= await group.start('worker 3', 'worker', env);
      const admin = await new HttpClient(serveA.url!).signIn('admin@demo.example', DEMO_PASSWORD);
      // The aggregation sums every report of the year: one report held by another transaction
      // keeps it waiting, mid-transaction, until the worker is killed.
      const holder = new pg.Client({ connectionString: database!.directUrl ?? database!.url });
      await holder.connect();
      let pipelineId: string;
      try {
        await holder.query('begin');
        await holder.query(
          `select id from reports where unit_id = $1 and year = 2025 and kind = 'official'
             for update`,
          [unitIds.get('L08')],
        );
        const [{ pid }] = (await holder.query('select pg_backend_pid() as pid')).rows as [
          { pid: number },
        ];
        const jobId = await admin.importFile(planeTripsCsv(100, 'aggregated'), {
          target: 'module-data-unit',
          unitId: unitIds.get('L05'),
          mode: 'append',
        });
        const imported = await admin.waitForJob(jobId);
        expect(imported.state).toBe('succeeded');
        pipelineId = imported.pipelineId;
        const deadline = Date.now() + 60_000;
        for (;;) {
          const [blocked] = await queryRows<{ waiting: number }>(
            db(),
            sql`select count(*)::int as waiting from pg_stat_activity
                 where ${pid}::int = any(pg_blocking_pids(pid))`,
          );
          const [aggregate] = await queryRows<JobRecord>(
            db(),
            sql`select state, run, attempts from data_ingestion_jobs
                 where pipeline_id = ${pipelineId} and kind = 'aggregate'`,
          );
          if (blocked!.waiting > 0 && aggregate?.state === 'running') break;
          if (Date.now() > deadline)
            throw new Error(`the aggregation never waited\n${diagnostics()}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await group.crash(worker!);
        worker = undefined;
      } finally {
        await holder.query('rollback').catch(() => {});
        await holder.end();
      }

      worker = await group.start('worker 4', 'worker', env);
      const pipeline = await pipelineOf(pipelineId, 60_000);
      expect(pipeline).toEqual([
        { kind: 'import', state: 'succeeded' },
        { kind: 'aggregate', state: 'succeeded' },
      ]);
      const [aggregate] = await queryRows<JobRecord>(
        db(),
        sql`select state, run, attempts from data_ingestion_jobs
             where pipeline_id = ${pipelineId} and kind = 'aggregate'`,
      );
      expect(aggregate).toMatchObject({ state: 'succeeded', run: 2, attempts: 2 });
    }, 120_000);

    it('two serve processes and a worker: every import runs once, and events reach the other process', async () => {
      worker ??= await group.start('worker 5', 'worker', env);
      const adminA = await new HttpClient(serveA.url!).signIn('admin@demo.example', DEMO_PASSWORD);
      // A token of one replica is good at the other.
      const adminB = adminA.at(serveB.url!);
      const files = [
        { unit: 'L03', via: adminA, rows: 20_000 },
        { unit: 'L05', via: adminB, rows: 3_000 },
        { unit: 'L06', via: adminA, rows: 4_000 },
        { unit: 'L02', via: adminB, rows: 2_500 },
      ];
      const before = await Promise.all(files.map((file) => planeRows(file.unit, 'multi')));

      // Resuming from the current event means nothing committed after this point is missed,
      // however long the connection takes to open.
      const [{ last }] = (await queryRows<{ last: string }>(
        db(),
        sql`select coalesce(max(event_id), 0)::text as last from data_ingestion_jobs`,
      )) as [{ last: string }];
      const watched: { jobId?: string } = {};
      const events = readEvents(
        `${serveB.url}/api/v1/jobs/events`,
        { ...adminB.headers, 'last-event-id': last },
        (event) => {
          const job = JSON.parse(event.data) as { id: string; state: string };
          return job.id === watched.jobId && FINISHED.includes(job.state);
        },
        120_000,
      );

      const jobIds = await Promise.all(
        files.map((file) =>
          file.via.importFile(planeTripsCsv(file.rows, `multi-${file.unit}`), {
            target: 'module-data-unit',
            unitId: unitIds.get(file.unit),
            mode: 'append',
          }),
        ),
      );
      // Started through serve A, followed through serve B.
      watched.jobId = jobIds[0];

      // Each job's state is the same seen from either process.
      const finished = await Promise.all(
        jobIds.map((id, i) => (files[i]!.via === adminA ? adminB : adminA).waitForJob(id)),
      );
      for (const [i, job] of finished.entries()) {
        const file = files[i]!;
        expect(job.state, `${job.error}\n${diagnostics()}`).toBe('succeeded');
        expect(job.counts).toMatchObject({ read: file.rows, inserted: file.rows });
        // Each ran exactly once.
        expect(await jobRecord(job.id)).toMatchObject({ run: 1, attempts: 1 });
        const after = await planeRows(file.unit, `multi-${file.unit}`);
        expect(after.mine).toBe(file.rows);
        expect(after.travellers).toBe(file.rows);
        expect(after.n).toBe(before[i]!.n + file.rows);
      }

      const received = (await events)
        .map((event) => ({ id: Number(event.id), job: JSON.parse(event.data) }))
        .filter((event) => event.job.id === watched.jobId);
      expect(received.length).toBeGreaterThan(1);
      expect(received.map((event) => event.id)).toEqual(
        [...received.map((event) => event.id)].sort((a, b) => a - b),
      );
      // Progress as it happened (running, rows counted), then the end, as the worker wrote it.
      expect(
        received.some((event) => event.job.state === 'running' && event.job.rowsDone > 0),
      ).toBe(true);
      expect(received.at(-1)!.job).toMatchObject({
        state: 'succeeded',
        rowsDone: files[0]!.rows,
        counts: { inserted: files[0]!.rows },
      });
    }, 180_000);
  });
} else {
  describe('a worker process on the embedded database', () => {
    it('is refused while another process holds the database: PGlite admits one process', async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'co2-processes-'));
      mkdirSync(path.join(dataDir, 'db'));
      // Held as `serve` holds it (cli.test.ts shows serve does): the directory lock.
      const release = await lockDataDir(path.join(dataDir, 'db'));
      const group = new ProcessGroup();
      try {
        const started = group.start('worker', 'worker', sharedEnv({ DATA_DIR: dataDir }), 30_000);
        await expect(started).rejects.toThrow(
          `${dataDir}/db is in use by another CO2 Calculator process`,
        );
        expect(await group.exitOf('worker')).toEqual({ code: 1, signal: null });
      } finally {
        await group.stopAll();
        await release();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 60_000);
  });
}
