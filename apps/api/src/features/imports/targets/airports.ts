import { AIRPORTS_CSV, type AirportRow } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/query-rows.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { subModulesReading } from '../reference-readers.js';
import { openYears, recalculateAfterImport } from '../recalculation-follow-up.js';
import { type MergeCounts, runStagedImport, type TargetDeps } from '../staged-import.js';

/**
 * Imports airports: upserts on the IATA code; airports the file leaves out stay (trips may
 * name them). Then flights are recalculated in every open year: a new airport completes rows
 * that were flagged for want of it, moved coordinates change distances.
 */
export async function importAirports(deps: TargetDeps, context: JobContext): Promise<Outcome> {
  const { outcome, applied } = await runStagedImport<AirportRow>(deps, context, {
    format: AIRPORTS_CSV,
    identity: (row) => ({ key: row.iata, label: `the airport ${row.iata}` }),
    check: (row) => ({
      data: {
        iata: row.iata,
        name: row.name,
        city: row.city ?? null,
        country: row.country,
        latitude: row.latitude,
        longitude: row.longitude,
      },
    }),
    merge: async (tx, staged) => {
      const [counts] = await queryRows<MergeCounts>(
        tx,
        sql`
        with written as (
          insert into airports as a (iata, name, city, country, latitude, longitude)
          select r.iata, r.name, r.city, r.country, r.latitude, r.longitude
            from ${staged} s
            cross join lateral jsonb_to_record(s.data) as r(
              iata text, name text, city text, country text, latitude double precision,
              longitude double precision)
          on conflict (iata) do update
             set name = excluded.name, city = excluded.city, country = excluded.country,
                 latitude = excluded.latitude, longitude = excluded.longitude
           where (a.name, a.city, a.country, a.latitude, a.longitude)
                 is distinct from (excluded.name, excluded.city, excluded.country,
                                   excluded.latitude, excluded.longitude)
          returning (xmax = 0) as inserted)
        select count(*) filter (where inserted)::int as inserted,
               count(*) filter (where not inserted)::int as updated
          from written`,
      );
      return counts!;
    },
    tables: ['airports'],
  });
  if (applied) {
    await recalculateAfterImport(context, await openYears(context.db), subModulesReading.airports);
  }
  return outcome;
}
