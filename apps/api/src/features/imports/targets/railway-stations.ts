import { RAILWAY_STATIONS_CSV, type RailwayStationRow } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/query-rows.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { subModulesReading } from '../reference-readers.js';
import { openYears, recalculateAfterImport } from '../recalculation-follow-up.js';
import { type MergeCounts, runStagedImport, type TargetDeps } from '../staged-import.js';

/**
 * Imports railway stations: upserts on (name, country); stations the file leaves out stay.
 * Then train journeys are recalculated in every open year.
 */
export async function importRailwayStations(
  deps: TargetDeps,
  context: JobContext,
): Promise<Outcome> {
  const { outcome, applied } = await runStagedImport<RailwayStationRow>(deps, context, {
    format: RAILWAY_STATIONS_CSV,
    // The calculators find a station ignoring the case of its name: so does a repeat.
    identity: (row) => ({
      key: `${row.name.toLowerCase()}|${row.country}`,
      label: `the station ${row.name} (${row.country})`,
    }),
    check: (row) => ({
      data: {
        name: row.name,
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
          insert into railway_stations as t (name, country, latitude, longitude)
          select r.name, r.country, r.latitude, r.longitude
            from ${staged} s
            cross join lateral jsonb_to_record(s.data) as r(
              name text, country text, latitude double precision, longitude double precision)
          on conflict (name, country) do update
             set latitude = excluded.latitude, longitude = excluded.longitude
           where (t.latitude, t.longitude) is distinct from (excluded.latitude, excluded.longitude)
          returning (xmax = 0) as inserted)
        select count(*) filter (where inserted)::int as inserted,
               count(*) filter (where not inserted)::int as updated
          from written`,
      );
      return counts!;
    },
    tables: ['railway_stations'],
  });
  if (applied) {
    await recalculateAfterImport(
      context,
      await openYears(context.db),
      subModulesReading.railwayStations,
    );
  }
  return outcome;
}
