import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { totalOf, windowTotal } from '../../platform/db/paging.js';
import { escapeLike, offsetOf, parseSort } from '../../platform/http/list.js';
import type { Unit, UnitListQuery } from './contract.js';
import { units } from './table.js';

/** The columns clients see of a unit (the materialised path stays internal). */
export const unitColumns = {
  id: units.id,
  code: units.code,
  nameEn: units.nameEn,
  nameFr: units.nameFr,
  level: units.level,
  parentId: units.parentId,
  type: units.type,
  active: units.active,
};

const sortColumns = {
  code: units.code,
  nameEn: units.nameEn,
  nameFr: units.nameFr,
  level: units.level,
};

/**
 * The units a caller may see: everything, or the units and subtrees of their scopes together
 * with the ancestors of those (so a lab's institute and faculty can be named).
 */
export type UnitVisibility =
  { all: true } | { all: false; unitIds: string[]; subtreePaths: string[]; anchorPaths: string[] };

export function visibleUnits(visibility: UnitVisibility): SQL | undefined {
  if (visibility.all) return undefined;
  const conditions: SQL[] = [];
  if (visibility.unitIds.length) conditions.push(inArray(units.id, visibility.unitIds));
  for (const path of visibility.subtreePaths) {
    conditions.push(sql`${units.path} like ${escapeLike(path) + '%'}`);
  }
  for (const path of visibility.anchorPaths) {
    // An ancestor's path is a prefix of the anchor's path (paths are UUIDs and slashes only,
    // so they hold no LIKE wildcards).
    conditions.push(sql`${path} like ${units.path} || '%'`);
  }
  return conditions.length ? or(...conditions) : sql`false`;
}

function filtersOf(query: UnitListQuery, visibility: UnitVisibility): SQL | undefined {
  return and(
    visibleUnits(visibility),
    query.level === undefined ? undefined : eq(units.level, query.level),
    query.parent === undefined ? undefined : eq(units.parentId, query.parent),
    query.active === undefined ? undefined : eq(units.active, query.active),
    query.q === undefined
      ? undefined
      : // Same normalisation as the indexed search_text column, so the trigram index applies.
        sql`${units.searchText} like '%' || lower(immutable_unaccent(${escapeLike(query.q)})) || '%'`,
  );
}

/** One page of units and the count of all matches, in one round trip. */
export async function selectUnitPage(
  db: Database,
  query: UnitListQuery,
  visibility: UnitVisibility,
) {
  const where = filtersOf(query, visibility);
  const sort = parseSort(query.sort);
  const column = sortColumns[sort.field];
  const rows = await db
    .select({ ...unitColumns, total: windowTotal() })
    .from(units)
    .where(where)
    // Codes are unique, so they make the order total and pages stable.
    .orderBy(sort.descending ? desc(column) : asc(column), asc(units.code))
    .limit(query.pageSize)
    .offset(offsetOf(query));

  const total = await totalOf(db, rows, query.page, units, where);
  const items: Unit[] = rows.map(({ total: _total, ...unit }) => unit);
  return { items, total };
}

export async function selectUnitWithPath(db: Database, id: string, visibility: UnitVisibility) {
  const [row] = await db
    .select({ ...unitColumns, path: units.path })
    .from(units)
    .where(and(eq(units.id, id), visibleUnits(visibility)));
  return row;
}

export async function selectUnitsByIds(db: Database, ids: string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  return db.select(unitColumns).from(units).where(inArray(units.id, ids)).orderBy(asc(units.level));
}
