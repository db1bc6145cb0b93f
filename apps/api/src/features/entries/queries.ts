import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { escapeLike, offsetOf, parseSort } from '../../platform/http/list.js';
import type { EntryListQuery } from './contract.js';
import { dataEntries, emissions } from './table.js';

export type EntryRow = typeof dataEntries.$inferSelect;
export type EmissionRow = typeof emissions.$inferSelect;

/** Rows of one report module the caller may see: all, or only their own. */
export function entryFilters(
  reportId: string,
  module: string,
  query: Pick<EntryListQuery, 'subModule' | 'flagged' | 'q'>,
  ownerId?: string,
): SQL | undefined {
  return and(
    eq(dataEntries.reportId, reportId),
    eq(dataEntries.module, module),
    query.subModule === undefined ? undefined : eq(dataEntries.subModule, query.subModule),
    query.flagged === undefined
      ? undefined
      : query.flagged
        ? sql`jsonb_array_length(${dataEntries.flags}) > 0`
        : sql`jsonb_array_length(${dataEntries.flags}) = 0`,
    query.q === undefined
      ? undefined
      : // The field values as text (not the keys), so "GVA" finds a trip from Geneva airport.
        sql`(coalesce((select string_agg(value, ' ') from jsonb_each_text(${dataEntries.fields})), '') || ' ' || coalesce(${dataEntries.note}, '')) ilike ${`%${escapeLike(query.q)}%`}`,
    ownerId === undefined
      ? undefined
      : or(eq(dataEntries.createdBy, ownerId), eq(dataEntries.travellerId, ownerId)),
  );
}

export async function selectEntryPage(db: Database, where: SQL | undefined, query: EntryListQuery) {
  const sort = parseSort(query.sort);
  const column = sort.field === 'kgCo2eq' ? dataEntries.kgCo2eq : dataEntries.createdAt;
  const rows = await db
    .select({
      entry: dataEntries,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      totalKg: sql<number>`sum(${dataEntries.kgCo2eq}) over ()`.mapWith(Number),
    })
    .from(dataEntries)
    .where(where)
    .orderBy(sort.descending ? desc(column) : asc(column), asc(dataEntries.id))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  let total = rows[0]?.total ?? 0;
  let totalKg = rows[0]?.totalKg ?? 0;
  if (!rows[0] && query.page > 1) {
    const [counted] = await db
      .select({
        n: sql<number>`count(*)`.mapWith(Number),
        kg: sql<number>`coalesce(sum(${dataEntries.kgCo2eq}), 0)`.mapWith(Number),
      })
      .from(dataEntries)
      .where(where);
    total = counted?.n ?? 0;
    totalKg = counted?.kg ?? 0;
  }
  return { rows: rows.map((row) => row.entry), total, totalKg };
}

export async function selectEmissions(db: Database, entryIds: string[]): Promise<EmissionRow[]> {
  if (entryIds.length === 0) return [];
  return db
    .select()
    .from(emissions)
    .where(inArray(emissions.entryId, entryIds))
    .orderBy(asc(emissions.id));
}
