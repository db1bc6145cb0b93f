import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/query-rows.js';

/** The official report of a unit and year, created on first need (one statement, race-free). */
export async function ensureReport(tx: Database, unitId: string, year: number): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into reports (unit_id, year) values (${unitId}, ${year})
        on conflict (unit_id, year) where kind = 'official' do update set updated_at = reports.updated_at
        returning id`,
  );
  return row!.id;
}
