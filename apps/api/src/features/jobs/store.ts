import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import type { JobKind } from './kinds.js';
import { dataIngestionJobs, type JobCounts, type JobRow } from './table.js';

/** The run `run` of job `id`, while it is still running: what every write of a run targets. */
const runningRun = (id: string, run: number) =>
  and(
    eq(dataIngestionJobs.id, id),
    eq(dataIngestionJobs.run, run),
    eq(dataIngestionJobs.state, 'running'),
  );

export interface NewJob {
  kind: JobKind;
  /** Joins the pipeline of an earlier job; a new pipeline starts with the job's own id. */
  pipelineId?: string;
  target?: string;
  year?: number;
  module?: string;
  subModule?: string;
  unitId?: string;
  mode?: 'replace' | 'append';
  fileKey?: string;
  filename?: string;
  params?: Record<string, unknown>;
  createdBy?: string | null;
}

/**
 * Records a job as queued. Nothing else is needed to run it: the dispatcher of a worker
 * process is woken by the commit (change feed) and hands it to the queue. Call inside the
 * transaction that makes the job necessary, so both commit or neither does.
 */
export async function createJob(db: Database, job: NewJob): Promise<JobRow> {
  const id = crypto.randomUUID();
  const [row] = await db
    .insert(dataIngestionJobs)
    .values({ ...job, id, pipelineId: job.pipelineId ?? id, phase: job.fileKey ? 'upload' : null })
    .returning();
  return row!;
}

/**
 * Takes a queued run of a job for this process, or a running one whose holder stopped
 * renewing its lease (a process that died). None when another process holds it, or when
 * the run was superseded (a retry) or the job finished or was cancelled meanwhile.
 */
export async function claimJob(
  db: Database,
  id: string,
  run: number,
  leaseSeconds: number,
): Promise<JobRow | undefined> {
  const [row] = await db
    .update(dataIngestionJobs)
    .set({
      state: 'running',
      attempts: sql`${dataIngestionJobs.attempts} + 1`,
      startedAt: sql`coalesce(${dataIngestionJobs.startedAt}, now())`,
      heartbeatAt: sql`now()`,
      nextRetryAt: null,
    })
    .where(
      and(
        eq(dataIngestionJobs.id, id),
        eq(dataIngestionJobs.run, run),
        sql`(${dataIngestionJobs.state} = 'queued' or (${dataIngestionJobs.state} = 'running'
          and ${dataIngestionJobs.heartbeatAt} < now() - make_interval(secs => ${leaseSeconds})))`,
      ),
    )
    .returning();
  return row;
}

/** Renews the lease; tells whether the job is still this run's to continue (not cancelled). */
export async function renewLease(db: Database, id: string, run: number): Promise<boolean> {
  const rows = await db
    .update(dataIngestionJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(runningRun(id, run))
    .returning({ id: dataIngestionJobs.id });
  return rows.length > 0;
}

export interface ProgressUpdate {
  phase?: string;
  rowsDone?: number;
  rowsTotal?: number | null;
  counts?: Partial<JobCounts>;
}

export async function recordProgress(
  db: Database,
  id: string,
  run: number,
  update: ProgressUpdate,
) {
  await db
    .update(dataIngestionJobs)
    .set({ ...update, heartbeatAt: sql`now()` })
    .where(runningRun(id, run));
}

export interface Outcome {
  state: 'succeeded' | 'warning' | 'failed';
  error?: string | null;
  counts?: Partial<JobCounts>;
  resultKey?: string | null;
  rowsDone?: number;
}

/** Ends a run; a cancelled or superseded run changes nothing. */
export async function finishJob(
  db: Database,
  id: string,
  run: number,
  outcome: Outcome,
): Promise<boolean> {
  const rows = await db
    .update(dataIngestionJobs)
    .set({ ...outcome, finishedAt: sql`now()`, heartbeatAt: null })
    .where(runningRun(id, run))
    .returning({ id: dataIngestionJobs.id });
  return rows.length > 0;
}

/** A failed attempt that the queue will deliver again after its backoff. */
export async function awaitRetry(db: Database, id: string, run: number, error: string) {
  await db
    .update(dataIngestionJobs)
    .set({ state: 'queued', error, heartbeatAt: null, nextRetryAt: sql`now()` })
    .where(runningRun(id, run));
}

/**
 * Re-queues the runs of processes whose lease ran out, each with a new run number: its old
 * delivery, should it come back, is ignored. Returns the superseded runs (kind, job, old run),
 * whose deliveries the queue still holds as active.
 */
export async function supersedeStaleRuns(db: Database, leaseSeconds: number) {
  const rows = await db
    .update(dataIngestionJobs)
    .set({
      state: 'queued',
      run: sql`${dataIngestionJobs.run} + 1`,
      dispatchedAt: null,
      heartbeatAt: null,
    })
    .where(
      and(
        eq(dataIngestionJobs.state, 'running'),
        lt(dataIngestionJobs.heartbeatAt, sql`now() - make_interval(secs => ${leaseSeconds})`),
      ),
    )
    .returning({
      id: dataIngestionJobs.id,
      kind: dataIngestionJobs.kind,
      run: dataIngestionJobs.run,
    });
  return rows.map((row) => ({ ...row, run: row.run - 1 }));
}

/** Runs to hand to the queue: new ones, and those of processes whose lease ran out. */
export async function jobsToDispatch(db: Database) {
  return db
    .select({
      id: dataIngestionJobs.id,
      run: dataIngestionJobs.run,
      kind: dataIngestionJobs.kind,
      year: dataIngestionJobs.year,
      module: dataIngestionJobs.module,
    })
    .from(dataIngestionJobs)
    .where(
      and(eq(dataIngestionJobs.state, 'queued'), sql`${dataIngestionJobs.dispatchedAt} is null`),
    )
    .orderBy(dataIngestionJobs.createdAt)
    .limit(500);
}

export async function markDispatched(db: Database, runs: { id: string; run: number }[]) {
  if (runs.length === 0) return;
  await db
    .update(dataIngestionJobs)
    .set({ dispatchedAt: sql`now()` })
    .where(
      and(
        inArray(
          dataIngestionJobs.id,
          runs.map((r) => r.id),
        ),
        sql`${dataIngestionJobs.dispatchedAt} is null`,
      ),
    );
}
