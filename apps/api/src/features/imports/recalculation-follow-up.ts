import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import type { JobContext } from '../jobs/runner.js';
import { years } from '../years/table.js';

/**
 * Queues, in the import's pipeline, the recalculation of the rows of `subModules` in each of
 * `yearsToRecalculate` (which queues the aggregation of its year in turn), so that emissions
 * and results follow the factors or reference data the import changed. Queued even when the
 * import changed nothing: a rerun after a crash that followed the commit must still get there.
 */
export async function recalculateAfterImport(
  context: JobContext,
  yearsToRecalculate: readonly number[],
  subModules: readonly string[],
): Promise<void> {
  if (subModules.length === 0) return;
  for (const year of yearsToRecalculate) {
    await context.then({
      kind: 'recalculate',
      year,
      params: { subModules: [...subModules] },
      createdBy: context.job.createdBy,
    });
  }
}

/**
 * The years whose figures follow reference data that has no year (airports, stations, rooms):
 * the open ones. A closed year's figures stay as they were reported.
 */
export async function openYears(db: Database): Promise<number[]> {
  const rows = await db
    .select({ year: years.year })
    .from(years)
    .where(eq(years.open, true))
    .orderBy(asc(years.year));
  return rows.map((row) => row.year);
}
