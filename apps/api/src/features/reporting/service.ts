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
 * validated total, FTE, per FTE and top category, read from stored sums in one query. A page
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
    status: ReportingRow['status'];
    validated_modules: number;
    enabled_modules: number;
    total_kg: number;
    fte: number | null;
    per_fte: number | null;
    top_category: string | null;
    total: number;
  }>(
    db,
    sql`
    with rows as (
      select units.id as unit_id, units.code, units.name_en, units.name_fr, units.level,
        coalesce(r.validated_kg, 0)::float8 as total_kg,
        r.fte::float8 as fte,
        case when r.fte > 0 then r.validated_kg / r.fte end::float8 as per_fte,
        coalesce(r.validated_modules, 0)::int as validated_modules,
        (${MODULE_IDS.length} - (select count(*) from year_modules ym
                                 where ym.year = ${query.year} and not ym.enabled))::int as enabled_modules,
        (select key from jsonb_each(r.stats->'byCategory') order by value::float8 desc limit 1) as top_category,
        case
          when r.id is null or not exists (select 1 from report_modules rm
                                           where rm.report_id = r.id and rm.status <> 'not_started')
            then 'not_started'
          when r.validated_modules >= ${MODULE_IDS.length} - (select count(*) from year_modules ym
                                 where ym.year = ${query.year} and not ym.enabled)
            then 'validated'
          else 'in_progress'
        end as status
      from ${units}
      left join reports r on r.unit_id = units.id and r.year = ${query.year} and r.kind = 'official'
      where ${where ?? sql`true`})
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
    status: row.status,
    validatedModules: Number(row.validated_modules),
    enabledModules: Number(row.enabled_modules),
    totalKgCo2eq: Number(row.total_kg),
    fte: row.fte === null ? null : Number(row.fte),
    perFteKgCo2eq: row.per_fte === null ? null : Number(row.per_fte),
    topCategory: row.top_category,
  }));
  return { items, total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
}
