import type { JobCounts } from '../jobs/table.js';
import type { Outcome } from '../jobs/store.js';

/** What a back-office import did, as the job shows it. */
export type ImportCounts = Pick<JobCounts, 'read' | 'skipped' | 'inserted' | 'updated'> &
  Partial<Pick<JobCounts, 'stale' | 'deactivated' | 'revoked'>>;

/**
 * The end of a back-office import: `warning` when rows were refused or the file held none,
 * with a sentence saying so; `succeeded` otherwise.
 */
export function importOutcome(counts: ImportCounts, resultKey: string | null): Outcome {
  const parts: string[] = [];
  if (counts.read === 0) parts.push('The file has a header but no rows');
  if (counts.skipped > 0) {
    parts.push(`${counts.skipped} of ${counts.read} rows were rejected (see the error report)`);
  }
  const warning = parts.length > 0;
  return {
    state: warning ? 'warning' : 'succeeded',
    rowsDone: counts.read,
    counts,
    resultKey,
    error: warning ? `${parts.join('; ')}.` : null,
  };
}

/**
 * A file that cannot be applied as a whole (no valid row where the file is a whole snapshot,
 * a tree the database refuses): thrown inside the import's transaction so that nothing
 * changes, and turned into a failed job that still links its error report.
 */
export class FileRefused extends Error {
  override name = 'FileRefused';
}

/** The failed end of an import refused as a whole: nothing was changed. */
export function refusedOutcome(
  message: string,
  counts: Pick<ImportCounts, 'read' | 'skipped'>,
  resultKey: string | null,
): Outcome {
  return {
    state: 'failed',
    rowsDone: counts.read,
    counts: { ...counts, inserted: 0, updated: 0 },
    resultKey,
    error: `${message} Nothing was changed.`,
  };
}
