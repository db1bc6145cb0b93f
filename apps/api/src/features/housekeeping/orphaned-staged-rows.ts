import { sql } from 'drizzle-orm';
import { affectedRows } from '../../platform/db/affected-rows.js';
import type { Database } from '../../platform/db/database.js';

/**
 * Deletes the import staging rows of every job that is not running: a run that died left
 * them, and none will merge them (a new run clears its own rows before staging). One
 * set-based statement per table; rows a run stages after the statement began are not seen.
 * Resolves with the number of rows deleted from each table.
 */
export async function sweepOrphanedStagedRows(
  db: Database,
): Promise<{ entries: number; rows: number }> {
  const entries = await db.execute(sql`
    delete from import_staged_entries s
    where not exists (
      select 1 from data_ingestion_jobs j where j.id = s.job_id and j.state = 'running'
    )`);
  const rows = await db.execute(sql`
    delete from import_staged_rows s
    where not exists (
      select 1 from data_ingestion_jobs j where j.id = s.job_id and j.state = 'running'
    )`);
  return { entries: affectedRows(entries), rows: affectedRows(rows) };
}
