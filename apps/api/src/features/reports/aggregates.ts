import { MODULE_IDS } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';

/** `{ key: kg }` of a report's emissions grouped by `column`, optionally within one module. */
function sums(
  column: 'scope' | 'category' | 'emission_type',
  reportId: string,
  where: ReturnType<typeof sql>,
) {
  return sql`(select coalesce(jsonb_object_agg(${sql.raw(column)}::text, kg), '{}'::jsonb)
      from (select e.${sql.raw(column)}, sum(e.kg_co2eq) as kg from emissions e
            where e.report_id = ${reportId} and ${where}
            group by e.${sql.raw(column)}) grouped)`;
}

function statsOf(
  reportId: string,
  where: ReturnType<typeof sql>,
  entriesWhere: ReturnType<typeof sql>,
) {
  return sql`jsonb_build_object(
    'byScope', ${sums('scope', reportId, where)},
    'byCategory', ${sums('category', reportId, where)},
    'byEmissionType', ${sums('emission_type', reportId, where)},
    'entries', (select count(*) from data_entries d where d.report_id = ${reportId} and ${entriesWhere}),
    'flagged', (select count(*) from data_entries d where d.report_id = ${reportId} and ${entriesWhere}
                and jsonb_array_length(d.flags) > 0))`;
}

/**
 * Recomputes the stored sums of one module of a report, and then of the report, from its
 * emissions: a few statements over the set, whatever the number of rows. Runs in the
 * caller's transaction (an interactive edit, or the aggregation job).
 */
export async function refreshAggregates(tx: Database, reportId: string, module: string) {
  const inModule = sql`e.module = ${module}`;
  await tx.execute(sql`
    insert into report_modules (report_id, module, total_kg, stats, updated_at)
    values (${reportId}, ${module},
      coalesce((select sum(kg_co2eq) from emissions e where e.report_id = ${reportId} and ${inModule}), 0),
      ${statsOf(reportId, inModule, sql`d.module = ${module}`)},
      now())
    on conflict (report_id, module) do update
      set total_kg = excluded.total_kg, stats = excluded.stats, updated_at = now()`);

  // Results count validated modules only; the per-FTE denominator is the headcount.
  const validated = sql`e.module in (select module from report_modules
    where report_id = ${reportId} and status = 'validated')`;
  await tx.execute(sql`
    update reports r set
      total_kg = coalesce((select sum(total_kg) from report_modules where report_id = r.id), 0),
      validated_kg = coalesce((select sum(total_kg) from report_modules
                               where report_id = r.id and status = 'validated'), 0),
      validated_modules = (select count(*) from report_modules
                           where report_id = r.id and status = 'validated'),
      enabled_modules = ${MODULE_IDS.length}
        - (select count(*) from year_modules where year = r.year and not enabled),
      fte = (select sum(coalesce((fields->>'fte')::float8, (fields->>'totalFte')::float8))
             from data_entries where report_id = r.id and module = 'headcount'),
      stats = ${statsOf(
        reportId,
        validated,
        sql`d.module in (select module from report_modules
        where report_id = ${reportId} and status = 'validated')`,
      )},
      updated_at = now()
    where r.id = ${reportId}`);
}
