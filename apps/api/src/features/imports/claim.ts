import { and, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { dataIngestionJobs, type JobRow } from '../jobs/table.js';

/**
 * Which claim of a job staged rows belong to: its attempt count as this process claimed it.
 * A run that stalled past its lease while still copying, and the process that took the job
 * over, stage side by side under different attempts and never merge each other's rows.
 */
export const attemptOf = (job: JobRow) => job.attempts;

/** The job's row while this claim still holds it: running, same run, same attempt. */
export const heldByClaim = (job: JobRow) =>
  and(
    eq(dataIngestionJobs.id, job.id),
    eq(dataIngestionJobs.run, job.run),
    eq(dataIngestionJobs.attempts, attemptOf(job)),
    eq(dataIngestionJobs.state, 'running'),
  );

/** Why a claim's write was refused: its job was cancelled, retried or taken over meanwhile. */
export class ClaimLostError extends Error {
  constructor() {
    super('The job was cancelled or taken over.');
    this.name = 'ClaimLostError';
  }
}

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
  const held = await tx
    .update(dataIngestionJobs)
    .set({ fileSha256: sha256 })
    .where(heldByClaim(job))
    .returning({ id: dataIngestionJobs.id });
  if (held.length === 0) throw new ClaimLostError();
}
