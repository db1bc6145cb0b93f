import { count, sql } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../../platform/db/database.js';
import { dataIngestionJobs } from './table.js';

/**
 * Job metrics read from the job table at scrape time, so any replica reports the same
 * figures whichever process ran the jobs (workers serve no HTTP): jobs by kind and state
 * (`queued` is the queue depth, `running` the work in progress; the finished states only grow,
 * so `increase()` over them gives throughput and failures), and the age of the oldest queued
 * job (a queue that is not drained). While the database does not answer these series are
 * left out rather than failing the scrape: the process's own metrics matter most then, and
 * `co2_readiness_check` names the outage.
 */
export function registerJobMetrics(registry: Registry, db: Database) {
  const byState = new Gauge({
    name: 'co2_jobs',
    help: 'Background jobs by kind and state (history included)',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db
        .select({ kind: dataIngestionJobs.kind, state: dataIngestionJobs.state, n: count() })
        .from(dataIngestionJobs)
        .groupBy(dataIngestionJobs.kind, dataIngestionJobs.state)
        .catch(() => []);
      for (const row of rows) this.set({ kind: row.kind, state: row.state }, row.n);
    },
  });
  const oldestQueued = new Gauge({
    name: 'co2_jobs_oldest_queued_seconds',
    help: 'Age of the oldest queued job, by kind (0: none waiting)',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db
        .select({
          kind: dataIngestionJobs.kind,
          age: sql<number>`extract(epoch from now() - min(${dataIngestionJobs.createdAt}))`.mapWith(
            Number,
          ),
        })
        .from(dataIngestionJobs)
        .where(sql`${dataIngestionJobs.state} = 'queued'`)
        .groupBy(dataIngestionJobs.kind)
        .catch(() => []);
      for (const row of rows) this.set({ kind: row.kind }, row.age);
    },
  });
  return { byState, oldestQueued };
}
