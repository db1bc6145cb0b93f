import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/api/src/platform/db/database.js';
import { demoFactors } from '../../apps/api/src/features/demo/factor-set.js';
import { DEMO_AIRPORTS } from '../../apps/api/src/features/demo/reference-data.js';
import { airports } from '../../apps/api/src/features/reference/table.js';
import { factors } from '../../apps/api/src/features/factors/table.js';
import { refreshYearAggregates } from '../../apps/api/src/features/reports/aggregates.js';

export const BENCH_YEAR = 2025;

/** Sub-modules the generated rows cycle through, with the leaf, scope and category they book. */
const KINDS = [
  ['headcount', 'members', 'headcount-member', 'headcount.food', 3, 'food'],
  ['professional-travel', 'plane', 'plane-trip', 'travel.plane', 3, 'business-travel'],
  ['professional-travel', 'train', 'train-trip', 'travel.train', 3, 'business-travel'],
  ['buildings', 'rooms', 'building-room', 'buildings.lighting', 2, 'energy'],
  ['buildings', 'combustion', 'combustion', 'buildings.combustion', 1, 'energy'],
  [
    'equipment-electricity',
    'scientific',
    'equipment',
    'equipment.scientific',
    2,
    'equipment-electricity',
  ],
  ['equipment-electricity', 'it', 'equipment', 'equipment.it', 2, 'equipment-electricity'],
  ['purchases', 'consumables', 'purchase', 'purchases.consumables', 3, 'purchases'],
  ['purchases', 'services', 'purchase', 'purchases.services', 3, 'purchases'],
  [
    'research-facilities',
    'common-facilities',
    'research-facility-use',
    'facilities.common',
    3,
    'research-facilities',
  ],
  ['external-cloud-ai', 'cloud', 'cloud-service', 'digital.cloud', 3, 'digital'],
  ['process-emissions', 'gases', 'process-gas', 'process.gases', 1, 'process'],
] as const;

/**
 * An institution of `labs` labs under 20 faculties, each lab with `perLab` rows spread over
 * every module and one emission per row, all validated, then the stored sums: set-based SQL
 * throughout (a statement per table, not per row).
 */
export async function generateInstitution(db: Database, labs: number, perLab: number) {
  await db.execute(sql`truncate units, years, factors, airports, users cascade`);
  await db.insert(airports).values(DEMO_AIRPORTS);
  await db.insert(factors).values(demoFactors(BENCH_YEAR));
  await db.execute(sql`insert into years (year, open) values (${BENCH_YEAR}, true)`);
  await db.execute(sql`insert into units (code, name_en, name_fr, level, type)
    values ('BENCH', 'Bench Institution', 'Institution de mesure', 1, 'organisation')`);
  await db.execute(sql`insert into units (code, name_en, name_fr, level, parent_id, type)
    select 'F' || n, 'Faculty ' || n, 'Faculté ' || n, 2, (select id from units where code = 'BENCH'), 'organisation'
    from generate_series(1, 20) n`);
  await db.execute(sql`insert into units (code, name_en, name_fr, level, parent_id, type)
    select 'LAB' || lpad(n::text, 5, '0'), 'Laboratory ' || n, 'Laboratoire ' || n, 4,
      (select id from units where code = 'F' || (1 + n % 20)), 'lab'
    from generate_series(1, ${labs}) n`);
  await db.execute(sql`insert into reports (unit_id, year)
    select id, ${BENCH_YEAR} from units where level = 4`);

  const kinds = sql.raw(
    `(values ${KINDS.map((k, i) => `(${i}, '${k[0]}', '${k[1]}', '${k[2]}', '${k[3]}', ${k[4]}, '${k[5]}')`).join(', ')})`,
  );
  await db.execute(sql`
    insert into data_entries (report_id, unit_id, year, module, sub_module, entry_type, fields, source, kg_co2eq)
    select r.id, r.unit_id, r.year, k.module, k.sub_module, k.entry_type,
      case when k.sub_module = 'members' then jsonb_build_object('name', 'P' || n, 'personId', 'P' || n, 'fte', 1)
           else jsonb_build_object('n', n) end,
      'backoffice-csv', 10 + (n * 7919 % 1000)
    from reports r
    cross join generate_series(1, ${perLab}) n
    join ${kinds} as k(i, module, sub_module, entry_type, emission_type, scope, category) on k.i = n % ${KINDS.length}`);
  await db.execute(sql`
    insert into emissions (entry_id, report_id, module, emission_type, scope, category, kg_co2eq, factor_ids)
    select d.id, d.report_id, d.module, k.emission_type, k.scope, k.category, d.kg_co2eq, '{}'
    from data_entries d
    join ${kinds} as k(i, module, sub_module, entry_type, emission_type, scope, category) on k.sub_module = d.sub_module`);
  await db.execute(sql`insert into report_modules (report_id, module, status)
    select distinct report_id, module, 'validated'::module_status from data_entries`);
  await refreshYearAggregates(db, BENCH_YEAR);
}
