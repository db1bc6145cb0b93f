import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/query-rows.js';
import type { CalculationContexts } from '../entries/calculation-context.js';
import type { JobHandler } from '../jobs/runner.js';
import { refreshYearAggregates } from '../reports/aggregates.js';
import { recalculateEntries } from './recalculate-entries.js';

/** Sub-modules whose rows share out other units' footprints (research facilities). */
const FACILITY_SUB_MODULES = ['common-facilities', 'animal-facilities'];

/**
 * `recalculate`: the emissions of a year's rows (of some sub-modules) with the current
 * factors, then an aggregation of the year in the same pipeline.
 */
export function recalculateHandler(contexts: CalculationContexts): JobHandler {
  return async ({ job, db, signal, progress, then }) => {
    const subModules = job.subModule
      ? [job.subModule]
      : (job.params.subModules as string[] | undefined);
    progress({ phase: 'calculate', rowsDone: 0 });
    const done = await recalculateEntries(
      db,
      contexts,
      { year: job.year!, subModules },
      {
        signal,
        onProgress: (p) =>
          progress({
            rowsDone: p.done,
            counts: { updated: p.done, withFactor: p.withFactor, withoutFactor: p.withoutFactor },
          }),
      },
    );
    await then({ kind: 'aggregate', year: job.year!, createdBy: job.createdBy });
    return {
      state: done.withoutFactor > 0 ? 'warning' : 'succeeded',
      rowsDone: done.done,
      counts: {
        updated: done.done,
        withFactor: done.withFactor,
        withoutFactor: done.withoutFactor,
      },
      error:
        done.withoutFactor > 0
          ? `${done.withoutFactor} rows have no factor for ${job.year}; they are kept and flagged.`
          : null,
    };
  };
}

/**
 * `aggregate`: the stored sums of every report of a year, which results and reporting read.
 * When the year has shared facilities, their users' shares follow the facilities' new sums
 * (recalculated, then summed again), so a facility's change reaches the labs using it.
 */
export function aggregateHandler(contexts: CalculationContexts): JobHandler {
  return async ({ job, db, signal, progress }) => {
    const year = job.year!;
    progress({ phase: 'aggregate' });
    await db.transaction((tx) => refreshYearAggregates(tx, year));
    const [facilities] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from research_facilities
          where year = ${year} and unit_id is not null`,
    );
    if ((facilities?.n ?? 0) > 0) {
      signal.throwIfAborted();
      progress({ phase: 'calculate' });
      await recalculateEntries(
        db,
        contexts,
        { year, subModules: FACILITY_SUB_MODULES },
        { signal },
      );
      progress({ phase: 'aggregate' });
      await db.transaction((tx) => refreshYearAggregates(tx, year));
    }
    return { state: 'succeeded' };
  };
}
