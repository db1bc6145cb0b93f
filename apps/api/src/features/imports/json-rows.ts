import { sql } from 'drizzle-orm';

/** Rows per statement of the in-memory targets: one text parameter of a few hundred kB. */
export const BATCH_ROWS = 2_000;

/** Rows as one text parameter, expanded in SQL by `jsonb_to_recordset`: no parameter limit. */
export const jsonRows = (rows: unknown) => sql`${JSON.stringify(rows)}::text::jsonb`;

/** `items` in batches of at most `size`, for one statement each. */
export function batchesOf<T>(items: readonly T[], size = BATCH_ROWS): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}
