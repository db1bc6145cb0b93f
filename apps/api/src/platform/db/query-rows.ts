import type { SQL } from 'drizzle-orm';
import type { Database } from './database.js';

/**
 * Runs raw SQL and returns its rows. Both drivers answer `execute` with a `{ rows }` result,
 * but the shared `Database` type cannot know which driver it is, so the shape is stated here
 * once rather than cast at every call.
 */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
