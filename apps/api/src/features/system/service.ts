import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { type ReadinessCheck, runReadinessChecks } from '../../platform/observability/health.js';
import { JOB_KINDS, type JobKind } from '../jobs/kinds.js';
import { toJob } from '../jobs/service.js';
import { dataIngestionJobs } from '../jobs/table.js';

/**
 * What an administrator checks first when something seems wrong: are the database and the
 * storage there, are queues draining, what runs now, what failed lately. Read from the jobs
 * table, the record of truth, so every process's work is seen whichever process answers.
 */
export async function systemStatus(db: Database, checks: readonly ReadinessCheck[]) {
  const [checkResults, counts, running, failures] = await Promise.all([
    runReadinessChecks(checks),
    db
      .select({
        kind: dataIngestionJobs.kind,
        queued: sql<number>`count(*) filter (where ${dataIngestionJobs.state} = 'queued')`.mapWith(
          Number,
        ),
        running:
          sql<number>`count(*) filter (where ${dataIngestionJobs.state} = 'running')`.mapWith(
            Number,
          ),
        failed:
          sql<number>`count(*) filter (where ${dataIngestionJobs.state} = 'failed' and ${dataIngestionJobs.updatedAt} > now() - interval '24 hours')`.mapWith(
            Number,
          ),
        succeeded:
          sql<number>`count(*) filter (where ${dataIngestionJobs.state} in ('succeeded', 'warning') and ${dataIngestionJobs.updatedAt} > now() - interval '24 hours')`.mapWith(
            Number,
          ),
      })
      .from(dataIngestionJobs)
      .groupBy(dataIngestionJobs.kind),
    db
      .select()
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.state, 'running'))
      .orderBy(desc(dataIngestionJobs.startedAt))
      .limit(100),
    db
      .select()
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.state, 'failed'))
      .orderBy(desc(dataIngestionJobs.updatedAt))
      .limit(10),
  ]);
  const byKind = new Map(counts.map((row) => [row.kind as JobKind, row]));
  return {
    checks: checkResults,
    queues: JOB_KINDS.map((kind) => ({
      kind,
      queued: byKind.get(kind)?.queued ?? 0,
      running: byKind.get(kind)?.running ?? 0,
      failedLast24h: byKind.get(kind)?.failed ?? 0,
      succeededLast24h: byKind.get(kind)?.succeeded ?? 0,
    })),
    running: running.map(toJob),
    recentFailures: failures.map(toJob),
  };
}
