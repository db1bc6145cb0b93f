import type { Database } from '../../platform/db/database.js';
import { units } from '../units/table.js';

/**
 * Every unit's id by its code, for checking the codes of a file's rows in memory (one query
 * per import, not one per row). An institution has thousands of units at most.
 */
export async function unitIdsByCode(db: Database): Promise<Map<string, string>> {
  const rows = await db.select({ id: units.id, code: units.code }).from(units);
  return new Map(rows.map((row) => [row.code, row.id]));
}
