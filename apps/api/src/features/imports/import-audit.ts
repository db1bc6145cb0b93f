import { recordAudit } from '../../platform/audit/record.js';
import type { Database } from '../../platform/db/database.js';
import type { JobRow } from '../jobs/table.js';
import { recordFileUnderClaim } from './claim.js';

/**
 * Records, inside the transaction that applies a back-office import, what the import changed
 * (`import.applied`, one row per job, with the counts) and the file's SHA-256 on the job: both
 * commit with the change or not at all, and only while this claim still holds the job (a run
 * that was cancelled or taken over meanwhile rolls its changes back).
 */
export async function recordImport(
  tx: Database,
  job: JobRow,
  sha256: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordFileUnderClaim(tx, job, sha256);
  await recordAudit(tx, {
    action: 'import.applied',
    outcome: 'success',
    actorId: job.createdBy,
    targetType: 'job',
    targetId: job.id,
    details: {
      target: job.target,
      year: job.year,
      ...job.params,
      filename: job.filename,
      sha256,
      ...details,
    },
  });
}
