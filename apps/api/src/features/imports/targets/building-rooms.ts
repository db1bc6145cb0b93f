import { BUILDING_ROOMS_CSV, type BuildingRoomRow } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/query-rows.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { subModulesReading } from '../reference-readers.js';
import { openYears, recalculateAfterImport } from '../recalculation-follow-up.js';
import { type MergeCounts, runStagedImport, type TargetDeps } from '../staged-import.js';

/**
 * Imports building rooms: upserts on (building, room); rooms the file leaves out stay. Then
 * the rooms sub-module is recalculated in every open year: its rows take their area and type
 * from here.
 */
export async function importBuildingRooms(deps: TargetDeps, context: JobContext): Promise<Outcome> {
  const { outcome, applied } = await runStagedImport<BuildingRoomRow>(deps, context, {
    format: BUILDING_ROOMS_CSV,
    identity: (row) => ({
      key: `${row.building}|${row.room}`,
      label: `the room ${row.room} of building ${row.building}`,
    }),
    check: (row) => ({
      data: {
        building: row.building,
        room: row.room,
        room_type: row.roomType,
        area_m2: row.areaM2,
      },
    }),
    merge: async (tx, staged) => {
      const [counts] = await queryRows<MergeCounts>(
        tx,
        sql`
        with written as (
          insert into building_rooms as b (building, room, room_type, area_m2)
          select r.building, r.room, r.room_type, r.area_m2
            from ${staged} s
            cross join lateral jsonb_to_record(s.data) as r(
              building text, room text, room_type text, area_m2 double precision)
          on conflict (building, room) do update
             set room_type = excluded.room_type, area_m2 = excluded.area_m2
           where (b.room_type, b.area_m2) is distinct from (excluded.room_type, excluded.area_m2)
          returning (xmax = 0) as inserted)
        select count(*) filter (where inserted)::int as inserted,
               count(*) filter (where not inserted)::int as updated
          from written`,
      );
      return counts!;
    },
    tables: ['building_rooms'],
  });
  if (applied) {
    await recalculateAfterImport(
      context,
      await openYears(context.db),
      subModulesReading.buildingRooms,
    );
  }
  return outcome;
}
