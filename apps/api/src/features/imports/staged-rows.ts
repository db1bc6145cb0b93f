import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../platform/db/database.js';
import { copyLine } from './copy-text.js';

/** A checked row on its way into its table: the JSON its target's merge statement reads. */
export interface StagedRow {
  line: number;
  data: Record<string, unknown>;
}

/** Rows per COPY chunk: a few hundred kB of text. */
const CHUNK_ROWS = 1_000;

/**
 * Loads a job's checked rows into `import_staged_rows` with COPY, outside any transaction, so
 * a file of any size is read with bounded memory; the target then merges them into its table
 * in one short transaction (and clears them with {@link clearStagedRows}).
 */
export async function stageRows(
  database: DatabaseHandle,
  jobId: string,
  rows: AsyncIterable<StagedRow>,
): Promise<void> {
  async function* chunks(): AsyncIterable<string> {
    let chunk = '';
    let count = 0;
    for await (const row of rows) {
      chunk += copyLine([jobId, row.line, JSON.stringify(row.data)]);
      count += 1;
      if (count >= CHUNK_ROWS) {
        yield chunk;
        chunk = '';
        count = 0;
      }
    }
    if (chunk) yield chunk;
  }
  await database.copyFrom('COPY import_staged_rows (job_id, line, data) FROM STDIN', chunks());
}

/** Drops a job's staged rows: before a run (a rerun starts clean) and once merged or failed. */
export async function clearStagedRows(db: Database, jobId: string): Promise<void> {
  await db.execute(sql`delete from import_staged_rows where job_id = ${jobId}`);
}

/** The staged rows of a job as a relation `s(line, data)`, for a merge statement. */
export const stagedRowsOf = (jobId: string) =>
  sql`(select line, data from import_staged_rows where job_id = ${jobId})`;
