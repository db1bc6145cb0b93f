import { canSomewhere, MODULE_IDS, scopesOf } from '@co2-calculator/domain';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/query-rows.js';
import { QueryCache } from '../../platform/cache/query-cache.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import { escapeLike, offsetOf, parseSort } from '../../platform/http/list.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { visibleUnit } from '../units/access.js';
import { units } from '../units/table.js';
import type { ReportingQuery, ReportingRow } from './contract.js';

const SORT_SQL: Record<string, string> = {
  code: 'code',
  nameEn: 'name_en',
  nameFr: 'name_fr',
  totalKgCo2eq: 'total_kg',
  perFteKgCo2eq: 'per_fte',
  completion: 'completion',
};

/** The subtrees the caller reports on, as path prefixes; none means everything. */
function reportingScope(principal: Principal, action: 'view' | 'export'): SQL | undefined {
  const scopes = scopesOf(principal.permissions, action, 'reporting');
  if (scopes.global) return undefined;
  const paths = scopes.subtrees
    .map((id) => principal.unitPaths.get(id))
    .filter((path): path is string => path !== undefined);
  if (paths.length === 0) return sql`false`;
  return or(...paths.map((path) => sql`${units.path} like ${path + '%'}`));
}

type ReportingPage = { items: ReportingRow[]; total: number; page: number; pageSize: number };

/**
 * The units of the caller's subtree with their report of the year: status, completion,
 * validated total (and the year before's), FTE, per FTE and top category, read from stored
 * sums in one query; a faculty or an institute with the sums of its labs. A page
 * depends only on the caller's scopes and the query, and changes only when reports, modules,
 * units or year settings do: it is kept in memory until then (change feed).
 */
export function reportingReader(db: Database, changes: ChangeFeed) {
  const cache = new QueryCache<ReportingPage>(changes, {
    tables: ['reports', 'report_modules', 'units', 'year_modules'],
    maxSize: 2_000,
  });
  return async (principal: Principal, query: ReportingQuery): Promise<ReportingPage> => {
    // An export (either format) needs the export permission, and covers its scopes.
    const action = query.format ? 'export' : 'view';
    if (action === 'export' && !canSomewhere(principal.permissions, 'export', 'reporting')) {
      throw new HttpProblem({ status: 403, detail: 'You may not export reporting.' });
    }
    const affiliation = query.affiliation
      ? await visibleUnit(db, principal, query.affiliation)
      : undefined;
    const key = JSON.stringify([scopesOf(principal.permissions, action, 'reporting'), query]);
    return cache.get(key, () =>
      loadReportingPage(db, query, reportingScope(principal, action), affiliation?.path),
    );
  };
}

async function loadReportingPage(
  db: Database,
  query: ReportingQuery,
  scope: SQL | undefined,
  affiliationPath: string | undefined,
): Promise<ReportingPage> {
  const where = and(
    scope,
    eq(units.level, query.level),
    affiliationPath ? sql`${units.path} like ${affiliationPath + '%'}` : undefined,
    query.q
      ? sql`${units.searchText} like '%' || lower(immutable_unaccent(${escapeLike(query.q)})) || '%'`
      : undefined,
  );
  const sort = parseSort(query.sort);
  const direction = sort.descending ? sql`desc nulls last` : sql`asc nulls last`;
  const paging = query.format ? sql`` : sql`limit ${query.pageSize} offset ${offsetOf(query)}`;
  const rows = await queryRows<{
    unit_id: string;
    code: string;
    name_en: string;
    name_fr: string;
    level: number;
    labs: number;
    status: ReportingRow['status'];
    validated_modules: number;
    enabled_modules: number;
    total_kg: number;
    previous_kg: number | null;
    fte: number | null;
    per_fte: number | null;
    top_category: string | null;
    total: number;
  }>(
    db,
    sql`
    with enabled as (
      select (${MODULE_IDS.length} - (select count(*) from year_modules ym
                                      where ym.year = ${query.year} and not ym.enabled))::int as n
    ),
    -- Reports are kept per lab; a faculty or an institute reports the sums of its labs.
    labs as (
      select lab.id, lab.active, r.id as report_id, r.stats,
             coalesce(r.validated_kg, 0)::float8 as kg,
             r.fte::float8 as fte,
             coalesce(r.validated_modules, 0)::int as validated_modules,
             r.id is not null and exists (select 1 from report_modules rm
                                           where rm.report_id = r.id
                                             and rm.status <> 'not_started') as started
        from ${units} lab
        left join reports r on r.unit_id = lab.id and r.year = ${query.year} and r.kind = 'official'
       where lab.level = 4
    ),
    -- Each lab with each unit of its path, itself last.
    ancestors as (
      select lab.id as lab_id, a.unit_id::uuid as unit_id
        from ${units} lab
        cross join lateral unnest(string_to_array(trim(both '/' from lab.path), '/')) as a(unit_id)
       where lab.level = 4
    ),
    -- The labs each unit counts; a closed lab without a report of the year counts for itself
    -- only, not in its faculty's completion.
    under as (
      select anc.unit_id, labs.*
        from labs join ancestors anc on anc.lab_id = labs.id
       where labs.active or labs.report_id is not null or anc.unit_id = labs.id
    ),
    previous as (
      select anc.unit_id, sum(r.validated_kg)::float8 as kg
        from ancestors anc
        join reports r on r.unit_id = anc.lab_id and r.year = ${query.year - 1}
                      and r.kind = 'official'
       group by anc.unit_id
    ),
    -- The category with the most kg, summed over the labs counted.
    top_category as (
      select distinct on (unit_id) unit_id, key
        from (select u.unit_id, e.key, sum(e.value::float8) as kg
                from under u cross join lateral jsonb_each(u.stats->'byCategory') e
               group by u.unit_id, e.key) as categories
       order by unit_id, kg desc, key
    ),
    rows as (
      select units.id as unit_id, units.code, units.name_en, units.name_fr, units.level,
        count(u.id)::int as labs,
        coalesce(sum(u.kg), 0)::float8 as total_kg,
        min(p.kg) as previous_kg,
        sum(u.fte)::float8 as fte,
        case when sum(u.fte) > 0 then sum(u.kg) / sum(u.fte) end::float8 as per_fte,
        coalesce(sum(u.validated_modules), 0)::int as validated_modules,
        (count(u.id) * (select n from enabled))::int as enabled_modules,
        min(c.key) as top_category,
        case
          when not coalesce(bool_or(u.started), false) then 'not_started'
          when bool_and(u.validated_modules >= (select n from enabled)) then 'validated'
          else 'in_progress'
        end as status
      from ${units}
      left join under u on u.unit_id = units.id
      left join previous p on p.unit_id = units.id
      left join top_category c on c.unit_id = units.id
      where ${where ?? sql`true`}
      group by units.id)
    select *, validated_modules::float8 / nullif(enabled_modules, 0) as completion,
           count(*) over ()::int as total
    from rows
    where ${query.status ? sql`status = ${query.status}` : sql`true`}
    order by ${sql.raw(SORT_SQL[sort.field]!)} ${direction}, code asc
    ${paging}`,
  );
  const items: ReportingRow[] = rows.map((row) => ({
    unitId: row.unit_id,
    code: row.code,
    nameEn: row.name_en,
    nameFr: row.name_fr,
    level: Number(row.level),
    labs: Number(row.labs),
    status: row.status,
    validatedModules: Number(row.validated_modules),
    enabledModules: Number(row.enabled_modules),
    totalKgCo2eq: Number(row.total_kg),
    previousYearKgCo2eq: row.previous_kg === null ? null : Number(row.previous_kg),
    fte: row.fte === null ? null : Number(row.fte),
    perFteKgCo2eq: row.per_fte === null ? null : Number(row.per_fte),
    topCategory: row.top_category,
  }));
  return { items, total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
}
