import { sql } from 'drizzle-orm';
import { affectedRows } from '../../platform/db/affected-rows.js';
import type { Database } from '../../platform/db/database.js';
import type { JobRow } from '../jobs/table.js';

/**
 * Which claim of a job staged rows belong to: its attempt count as this process claimed it.
 * A run that stalled past its lease while still copying, and the process that took the job
 * over, stage side by side under different attempts and never merge each other's rows.
 */
export const attemptOf = (job: JobRow) => job.attempts;

/**
 * Records the imported file's SHA-256 on the job, inside the transaction that applies the
 * import, if this claim still holds the job (running, same run, same attempt); throws
 * otherwise, so a run that was cancelled, retried or taken over meanwhile rolls back.
 *
 * Called last in that transaction, not first: the job's row stays unlocked while the merge
 * runs, so the run keeps renewing its lease. Locked from the start, a merge longer than
 * JOB_LEASE_SECONDS had its lease expire behind the lock, and the job ran a second time after
 * it succeeded.
 */
export async function recordFileUnderClaim(tx: Database, job: JobRow, sha256: string) {
  const held = await tx.execute(sql`
    update data_ingestion_jobs set file_sha256 = ${sha256}
     where id = ${job.id} and run = ${job.run} and attempts = ${attemptOf(job)}
       and state = 'running'`);
  if (affectedRows(held) === 0) throw new Error('The job was cancelled or taken over.');
}
