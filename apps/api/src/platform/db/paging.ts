import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './database.js';

/** Selected beside a page's columns: the number of rows matching, on all pages. */
export const windowTotal = () => sql<number>`count(*) over ()`.mapWith(Number);

/**
 * The total of a page selected with `windowTotal()`. Past the last page no row carries the
 * count, so it is counted apart (only then).
 */
export async function totalOf(
  db: Database,
  rows: readonly { total: number }[],
  page: number,
  from: PgTable,
  where: SQL | undefined,
): Promise<number> {
  if (rows[0]) return rows[0].total;
  if (page === 1) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(from)
    .where(where);
  return row?.n ?? 0;
}
