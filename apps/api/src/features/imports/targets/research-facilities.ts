import { RESEARCH_FACILITIES_CSV, type ResearchFacilityRow } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/query-rows.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { subModulesReading } from '../reference-readers.js';
import { recalculateAfterImport } from '../recalculation-follow-up.js';
import { type MergeCounts, runStagedImport, type TargetDeps } from '../staged-import.js';
import { unitIdsByCode } from '../unit-codes.js';

/**
 * Imports the research facility register of one year: upserts on (year, name), the
 * facility's own unit found by its code (an unknown code refuses the row); facilities the
 * file leaves out stay. Then the rows that share out facilities' footprints are
 * recalculated for the year, and the year aggregated.
 */
export async function importResearchFacilities(
  deps: TargetDeps,
  context: JobContext,
): Promise<Outcome> {
  const year = context.job.year!;
  const unitIds = await unitIdsByCode(context.db);
  const { outcome, applied } = await runStagedImport<ResearchFacilityRow>(deps, context, {
    format: RESEARCH_FACILITIES_CSV,
    identity: (row) => ({ key: row.name, label: `the facility ${row.name}` }),
    check: (row) => {
      const unitId = row.unitCode === undefined ? null : unitIds.get(row.unitCode);
      if (unitId === undefined)
        return { reason: `unitCode: no unit has the code "${row.unitCode}"` };
      return {
        data: {
          name: row.name,
          unit_id: unitId,
          declared_kg: row.declaredKg ?? null,
          use_unit: row.useUnit,
          total_use: row.totalUse,
          computing: row.computing,
        },
      };
    },
    merge: async (tx, staged) => {
      const [counts] = await queryRows<MergeCounts>(
        tx,
        sql`
        with written as (
          insert into research_facilities as f (year, name, unit_id, declared_kg, use_unit,
                                                total_use, computing)
          select ${year}::int, r.name, r.unit_id, r.declared_kg, r.use_unit, r.total_use,
                 r.computing
            from ${staged} s
            cross join lateral jsonb_to_record(s.data) as r(
              name text, unit_id uuid, declared_kg double precision, use_unit text,
              total_use double precision, computing boolean)
          on conflict (year, name) do update
             set unit_id = excluded.unit_id, declared_kg = excluded.declared_kg,
                 use_unit = excluded.use_unit, total_use = excluded.total_use,
                 computing = excluded.computing
           where (f.unit_id, f.declared_kg, f.use_unit, f.total_use, f.computing)
                 is distinct from (excluded.unit_id, excluded.declared_kg, excluded.use_unit,
                                   excluded.total_use, excluded.computing)
          returning (xmax = 0) as inserted)
        select count(*) filter (where inserted)::int as inserted,
               count(*) filter (where not inserted)::int as updated
          from written`,
      );
      return counts!;
    },
    tables: ['research_facilities'],
  });
  if (applied) {
    await recalculateAfterImport(context, [year], subModulesReading.researchFacilities);
  }
  return outcome;
}
