import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';

/**
 * A change to a research facility's own report changes the shares its users booked: queue
 * the year's aggregation, which recomputes them (`aggregateHandler`). Runs in the edit's
 * transaction, so the job exists if and only if the edit committed; one queued aggregation of
 * a year is enough, however many edits a platform makes meanwhile.
 */
export async function queueFacilityShares(
  tx: Database,
  unitId: string,
  year: number,
  userId: string,
): Promise<void> {
  const id = crypto.randomUUID();
  await tx.execute(sql`
    insert into data_ingestion_jobs (id, pipeline_id, kind, year, unit_id, created_by)
    select ${id}::uuid, ${id}::uuid, 'aggregate', ${year}::int, ${unitId}::uuid, ${userId}::uuid
     where exists (select 1 from research_facilities where unit_id = ${unitId} and year = ${year})
       and not exists (select 1 from data_ingestion_jobs
                        where kind = 'aggregate' and year = ${year} and state = 'queued')`);
}
