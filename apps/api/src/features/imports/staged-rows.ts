import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../platform/db/database.js';
import type { JobRow } from '../jobs/table.js';
import { attemptOf } from './claim.js';
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
  job: JobRow,
  rows: AsyncIterable<StagedRow>,
): Promise<void> {
  const attempt = attemptOf(job);
  async function* chunks(): AsyncIterable<string> {
    let chunk = '';
    let count = 0;
    for await (const row of rows) {
      chunk += copyLine([job.id, attempt, row.line, JSON.stringify(row.data)]);
      count += 1;
      if (count >= CHUNK_ROWS) {
        yield chunk;
        chunk = '';
        count = 0;
      }
    }
    if (chunk) yield chunk;
  }
  await database.copyFrom(
    'COPY import_staged_rows (job_id, attempt, line, data) FROM STDIN',
    chunks(),
  );
}

/**
 * Drops the rows this claim of a job staged, and what earlier claims left (a run that died),
 * never a later claim's: before a run (it starts clean) and once merged or failed.
 */
export async function clearStagedRows(db: Database, job: JobRow): Promise<void> {
  await db.execute(sql`delete from import_staged_rows
    where job_id = ${job.id} and attempt <= ${attemptOf(job)}`);
}

/** The rows this claim of a job staged, as a relation `s(line, data)`, for a merge statement. */
export const stagedRowsOf = (job: JobRow) =>
  sql`(select line, data from import_staged_rows
        where job_id = ${job.id} and attempt = ${attemptOf(job)})`;
