import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { escapeLike, offsetOf, parseSort } from '../../platform/http/list.js';
import type { Unit, UnitListQuery } from './contract.js';
import { units } from './table.js';

const unitColumns = {
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

function filtersOf(query: UnitListQuery): SQL | undefined {
  return and(
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
export async function selectUnitPage(db: Database, query: UnitListQuery) {
  const where = filtersOf(query);
  const sort = parseSort(query.sort);
  const column = sortColumns[sort.field];
  const rows = await db
    .select({ ...unitColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(units)
    .where(where)
    // Codes are unique, so they make the order total and pages stable.
    .orderBy(sort.descending ? desc(column) : asc(column), asc(units.code))
    .limit(query.pageSize)
    .offset(offsetOf(query));

  // Past the last page the window count has no row to ride on.
  const total =
    rows[0]?.total ??
    (query.page > 1
      ? ((
          await db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(units)
            .where(where)
        )[0]?.n ?? 0)
      : 0);
  const items: Unit[] = rows.map(({ total: _total, ...unit }) => unit);
  return { items, total };
}

export async function selectUnitWithPath(db: Database, id: string) {
  const [row] = await db
    .select({ ...unitColumns, path: units.path })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

export async function selectUnitsByIds(db: Database, ids: string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  return db.select(unitColumns).from(units).where(inArray(units.id, ids)).orderBy(asc(units.level));
}
