import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import { offsetOf, parseSort } from '../../platform/http/list.js';
import { jobScope } from './access.js';
import type { Job, JobListQuery } from './contract.js';
import { FINISHED_STATES, type JobKind, type JobPhase, type JobState } from './kinds.js';
import { dataIngestionJobs, type JobRow } from './table.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A job as the API shows it, with links to its files (served through signed URLs). */
export function toJob(row: JobRow): Job {
  const base = `/api/v1/jobs/${row.id}`;
  return {
    id: row.id,
    pipelineId: row.pipelineId,
    kind: row.kind as JobKind,
    target: row.target,
    year: row.year,
    module: row.module,
    subModule: row.subModule,
    unitId: row.unitId,
    mode: row.mode,
    state: row.state as JobState,
    phase: row.phase as JobPhase | null,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    counts: row.counts,
    attempts: row.attempts,
    nextRetryAt: iso(row.nextRetryAt),
    error: row.error,
    filename: row.filename,
    sourceUrl: stringParam(row.params, 'sourceUrl'),
    factorSet: stringParam(row.params, 'factorSet'),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    updatedAt: row.updatedAt.toISOString(),
    heartbeatAt: iso(row.heartbeatAt),
    links: {
      errorReport: row.resultKey ? `${base}/error-report` : null,
      sourceFile: row.fileKey ? `${base}/source-file` : null,
    },
  };
}

/** A text the job's request stored in its params, if any. */
function stringParam(params: Record<string, unknown>, name: string): string | null {
  const value = params[name];
  return typeof value === 'string' ? value : null;
}

const SORT_COLUMNS = {
  createdAt: dataIngestionJobs.createdAt,
  updatedAt: dataIngestionJobs.updatedAt,
  state: dataIngestionJobs.state,
  kind: dataIngestionJobs.kind,
} as const;

export async function listJobs(db: Database, principal: Principal, query: JobListQuery) {
  const where = and(
    jobScope(principal, 'view'),
    query.state ? eq(dataIngestionJobs.state, query.state) : undefined,
    query.kind ? eq(dataIngestionJobs.kind, query.kind) : undefined,
    query.year !== undefined ? eq(dataIngestionJobs.year, query.year) : undefined,
    query.unitId ? eq(dataIngestionJobs.unitId, query.unitId) : undefined,
    query.pipelineId ? eq(dataIngestionJobs.pipelineId, query.pipelineId) : undefined,
    query.target ? eq(dataIngestionJobs.target, query.target) : undefined,
  );
  const sort = parseSort(query.sort);
  const column = SORT_COLUMNS[sort.field];
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(dataIngestionJobs)
      .where(where)
      .orderBy(sort.descending ? desc(column) : asc(column), desc(dataIngestionJobs.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(dataIngestionJobs).where(where),
  ]);
  return { items: rows.map(toJob), page: query.page, pageSize: query.pageSize, total: total!.n };
}

/** A job the caller may `view` (or edit); any other is a 404, as if it did not exist. */
export async function visibleJob(
  db: Database,
  principal: Principal,
  id: string,
  action: 'view' | 'edit' = 'view',
): Promise<JobRow> {
  const [row] = await db
    .select()
    .from(dataIngestionJobs)
    .where(and(eq(dataIngestionJobs.id, id), jobScope(principal, 'view')))
    .limit(1);
  if (!row) throw notFound(`Job ${id} does not exist.`);
  if (action === 'edit') {
    const [editable] = await db
      .select({ id: dataIngestionJobs.id })
      .from(dataIngestionJobs)
      .where(and(eq(dataIngestionJobs.id, id), jobScope(principal, 'edit')));
    if (!editable) throw new HttpProblem({ status: 403, detail: 'You may not change this job.' });
  }
  return row;
}

/**
 * Cancels a queued or running job and what its pipeline still had queued. A running job
 * notices at its next lease renewal and rolls back what it had not committed.
 */
export async function cancelJob(db: Database, principal: Principal, id: string): Promise<Job> {
  const job = await visibleJob(db, principal, id, 'edit');
  const [row] = await db
    .update(dataIngestionJobs)
    .set({ state: 'cancelled', finishedAt: sql`now()`, heartbeatAt: null, error: 'Cancelled.' })
    .where(
      and(eq(dataIngestionJobs.id, id), inArray(dataIngestionJobs.state, ['queued', 'running'])),
    )
    .returning();
  if (!row) {
    throw new HttpProblem({
      status: 409,
      detail: `Job ${id} is ${job.state}: only a queued or running job can be cancelled.`,
    });
  }
  return toJob(row);
}

/** Runs a failed or cancelled job again, from the start, as a new run. */
export async function retryJob(db: Database, principal: Principal, id: string): Promise<Job> {
  const job = await visibleJob(db, principal, id, 'edit');
  const retriable: SQL = inArray(dataIngestionJobs.state, ['failed', 'cancelled']);
  const [row] = await db
    .update(dataIngestionJobs)
    .set({
      state: 'queued',
      run: sql`${dataIngestionJobs.run} + 1`,
      attempts: 0,
      error: null,
      phase: job.fileKey ? 'upload' : null,
      rowsDone: 0,
      counts: {},
      resultKey: null,
      startedAt: null,
      finishedAt: null,
      dispatchedAt: null,
      heartbeatAt: null,
    })
    .where(and(eq(dataIngestionJobs.id, id), retriable))
    .returning();
  if (!row) {
    const finished = (FINISHED_STATES as readonly string[]).includes(job.state);
    throw new HttpProblem({
      status: 409,
      detail: finished
        ? `Job ${id} ${job.state}: only a failed or cancelled job can be run again.`
        : `Job ${id} is ${job.state}: only a failed or cancelled job can be run again.`,
    });
  }
  return toJob(row);
}
