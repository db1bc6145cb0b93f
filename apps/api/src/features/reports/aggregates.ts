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

/**
 * The same sums as `refreshAggregates`, for every official report of a year at once: a fixed
 * number of statements over the whole set (after a bulk load, or by the aggregation job).
 */
export async function refreshYearAggregates(tx: Database, year: number) {
  const ofYear = sql`select e.* from emissions e
    join reports r on r.id = e.report_id and r.year = ${year} and r.kind = 'official'`;
  const grouped = (column: string) => sql`
    select report_id, module, jsonb_object_agg(key, kg) as sums from (
      select report_id, module, ${sql.raw(column)}::text as key, sum(kg_co2eq) as kg
      from (${ofYear}) e group by report_id, module, ${sql.raw(column)}) x
    group by report_id, module`;
  await tx.execute(sql`
    with by_scope as (${grouped('scope')}),
      by_category as (${grouped('category')}),
      by_type as (${grouped('emission_type')}),
      totals as (select report_id, module, sum(kg_co2eq) as total from (${ofYear}) e group by report_id, module),
      counted as (
        select report_id, module, count(*) as entries,
          count(*) filter (where jsonb_array_length(flags) > 0) as flagged
        from data_entries where year = ${year} group by report_id, module),
      -- Every module with rows, and every module already stored (its rows may all be gone).
      keys as (
        select report_id, module from counted
        union
        select rm.report_id, rm.module from report_modules rm
          join reports r on r.id = rm.report_id and r.year = ${year} and r.kind = 'official')
    insert into report_modules (report_id, module, total_kg, stats, updated_at)
    select k.report_id, k.module, coalesce(t.total, 0),
      jsonb_build_object(
        'byScope', coalesce(s.sums, '{}'::jsonb),
        'byCategory', coalesce(g.sums, '{}'::jsonb),
        'byEmissionType', coalesce(y.sums, '{}'::jsonb),
        'entries', coalesce(c.entries, 0), 'flagged', coalesce(c.flagged, 0)),
      now()
    from keys k
      left join counted c using (report_id, module)
      left join totals t using (report_id, module)
      left join by_scope s using (report_id, module)
      left join by_category g using (report_id, module)
      left join by_type y using (report_id, module)
    on conflict (report_id, module) do update
      set total_kg = excluded.total_kg, stats = excluded.stats, updated_at = now()`);
  const reportsOfYear = sql`select id from reports where year = ${year} and kind = 'official'`;
  const validatedRows = sql`select e.report_id, e.scope, e.category, e.emission_type, e.kg_co2eq
    from emissions e join report_modules rm
      on rm.report_id = e.report_id and rm.module = e.module and rm.status = 'validated'
    where e.report_id in (${reportsOfYear})`;
  const groupedValidated = (column: string) => sql`
    select report_id, jsonb_object_agg(key, kg) as sums from (
      select report_id, ${sql.raw(column)}::text as key, sum(kg_co2eq) as kg
      from (${validatedRows}) v group by report_id, ${sql.raw(column)}) x
    group by report_id`;
  await tx.execute(sql`
    with by_scope as (${groupedValidated('scope')}),
      by_category as (${groupedValidated('category')}),
      by_type as (${groupedValidated('emission_type')}),
      sums as (
        select r.id as report_id,
          coalesce(sum(rm.total_kg), 0) as total_kg,
          coalesce(sum(rm.total_kg) filter (where rm.status = 'validated'), 0) as validated_kg,
          count(rm.module) filter (where rm.status = 'validated') as validated_modules
        from reports r left join report_modules rm on rm.report_id = r.id
        where r.id in (${reportsOfYear}) group by r.id),
      headcount as (
        select report_id, sum(coalesce((fields->>'fte')::float8, (fields->>'totalFte')::float8)) as fte
        from data_entries where year = ${year} and module = 'headcount' group by report_id),
      counted as (
        select d.report_id, count(*) as entries,
          count(*) filter (where jsonb_array_length(d.flags) > 0) as flagged
        from data_entries d join report_modules rm
          on rm.report_id = d.report_id and rm.module = d.module and rm.status = 'validated'
        where d.year = ${year} group by d.report_id)
    update reports r set
      total_kg = s.total_kg,
      validated_kg = s.validated_kg,
      validated_modules = s.validated_modules,
      enabled_modules = ${MODULE_IDS.length}
        - (select count(*) from year_modules where year = ${year} and not enabled),
      fte = h.fte,
      stats = jsonb_build_object(
        'byScope', coalesce(bs.sums, '{}'::jsonb),
        'byCategory', coalesce(bc.sums, '{}'::jsonb),
        'byEmissionType', coalesce(bt.sums, '{}'::jsonb),
        'entries', coalesce(c.entries, 0),
        'flagged', coalesce(c.flagged, 0)),
      updated_at = now()
    from sums s
      left join by_scope bs using (report_id)
      left join by_category bc using (report_id)
      left join by_type bt using (report_id)
      left join headcount h using (report_id)
      left join counted c using (report_id)
    where r.id = s.report_id`);
}
