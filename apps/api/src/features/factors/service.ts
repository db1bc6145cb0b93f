import { entryTypeOf, type SubModuleId } from '@co2-calculator/domain';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { totalOf, windowTotal } from '../../platform/db/paging.js';
import { escapeLike, offsetOf, parseSort } from '../../platform/http/list.js';
import type { FactorListQuery } from './contract.js';
import { factors } from './table.js';

function setsOf(subModule: SubModuleId | undefined) {
  return subModule ? [...(entryTypeOf(subModule)?.factorSets ?? [])] : undefined;
}

/** A year's factors, filtered and paged, for the back office's factor browser. */
export async function listFactors(db: Database, query: FactorListQuery) {
  const sets = setsOf(query.subModule);
  const where = and(
    eq(factors.year, query.year),
    sets ? inArray(factors.factorSet, sets.length ? sets : ['']) : undefined,
    query.factorSet ? eq(factors.factorSet, query.factorSet) : undefined,
    query.stale === undefined ? undefined : eq(factors.stale, query.stale),
    query.q
      ? sql`lower(${factors.classificationKey} || ' ' || ${factors.source}) like '%' || lower(${escapeLike(query.q)}) || '%'`
      : undefined,
  );
  const sort = parseSort(query.sort);
  const column = sort.field === 'factorSet' ? factors.factorSet : factors.classificationKey;
  const rows = await db
    .select({ factor: factors, total: windowTotal() })
    .from(factors)
    .where(where)
    .orderBy(
      sort.descending ? desc(column) : asc(column),
      asc(factors.classificationKey),
      asc(factors.id),
    )
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return {
    items: rows.map(({ factor }) => ({
      id: factor.id,
      factorSet: factor.factorSet,
      year: factor.year,
      emissionType: factor.emissionType,
      classification: factor.classification,
      values: factor.values,
      unit: factor.unit,
      source: factor.source,
      citation: factor.citation,
      stale: factor.stale,
    })),
    total: await totalOf(db, rows, query.page, factors, where),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The choices a data-entry form offers: for each factor set its entry type reads, the distinct
 * values of each classification key (flight classes, fuels, equipment classes…). One query.
 */
export async function factorOptions(db: Database, year: number, subModule: SubModuleId) {
  const sets = setsOf(subModule) ?? [];
  const rows = sets.length
    ? await db
        .selectDistinct({ factorSet: factors.factorSet, classification: factors.classification })
        .from(factors)
        .where(
          and(eq(factors.year, year), eq(factors.stale, false), inArray(factors.factorSet, sets)),
        )
    : [];
  const options: Record<string, Record<string, Set<string>>> = {};
  for (const row of rows) {
    const set = (options[row.factorSet] ??= {});
    for (const [key, value] of Object.entries(row.classification)) {
      if (value === '*') continue; // a fallback row, not a choice
      (set[key] ??= new Set()).add(value);
    }
  }
  return {
    subModule,
    year,
    options: Object.fromEntries(
      Object.entries(options).map(([set, keys]) => [
        set,
        Object.fromEntries(Object.entries(keys).map(([key, values]) => [key, [...values].sort()])),
      ]),
    ),
  };
}
