import type { CsvFormat } from '@co2-calculator/domain';
import type { SQL } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../platform/db/database.js';
import type { ObjectStore } from '../../platform/storage/object-store.js';
import type { JobContext } from '../jobs/runner.js';
import type { Outcome } from '../jobs/store.js';
import { openCsvSource } from './csv-source.js';
import { ErrorReport, errorReportKeyOf } from './error-report.js';
import { recordImport } from './import-audit.js';
import { type ImportCounts, importOutcome, refusedOutcome } from './import-outcome.js';
import { FirstLines, RowReader } from './read-rows.js';
import { clearStagedRows, type StagedRow, stagedRowsOf, stageRows } from './staged-rows.js';

/** What every back-office target's job needs. */
export interface TargetDeps {
  database: DatabaseHandle;
  store: ObjectStore;
}

/** What a merge changed in its table. */
export type MergeCounts = Pick<ImportCounts, 'inserted' | 'updated' | 'stale'>;

export type RowCheck = { data: Record<string, unknown> } | { reason: string };

/** A target whose rows are staged, then merged into its table by set-based SQL. */
export interface StagedTarget<T> {
  format: CsvFormat<T>;
  /** The row's identity in the file (`key`) and how a reason names it (`label`). */
  identity(row: T): { key: string; label: string };
  /** The JSON to stage for the row, or why the row is refused. */
  check(row: T): RowCheck;
  /**
   * Writes the staged rows (`staged`: a relation `(line, data)`) into the table; runs inside
   * the import's one transaction.
   */
  merge(tx: Database, staged: SQL): Promise<MergeCounts>;
  /** The tables `merge` writes, told to this process's caches once committed. */
  tables: readonly string[];
  /**
   * Why a file without one valid row must change nothing (a factor file is the whole set:
   * applying it would flag every factor stale); absent when such a file is simply a no-op.
   */
  refuseEmpty?: string;
}

export interface StagedImportResult {
  outcome: Outcome;
  /** Whether the file's changes were committed (follow-up jobs are queued only then). */
  applied: boolean;
}

/**
 * Runs a staged import: reads the file once (decode, target's checks, repeated identities
 * refused, refused rows to the error report), COPYs the accepted rows into the staging
 * table, then merges them in one transaction with the job's audit record. A file that fails
 * as a whole (header, unreadable, `refuseEmpty`) changes nothing.
 */
export async function runStagedImport<T>(
  deps: TargetDeps,
  context: JobContext,
  target: StagedTarget<T>,
): Promise<StagedImportResult> {
  const { job, db, signal, progress } = context;
  progress({ phase: 'parse', rowsDone: 0 });
  const source = await openCsvSource(deps.store, job.fileKey!, target.format as CsvFormat);
  const report = new ErrorReport(deps.store, errorReportKeyOf(job.fileKey!), source.header);
  const reader = new RowReader(source, target.format, report, context);
  const firstLines = new FirstLines();
  let staged = 0;

  async function* accepted(): AsyncIterable<StagedRow> {
    for await (const { line, value, cells } of reader.rows()) {
      const { key, label } = target.identity(value);
      const repeated = firstLines.repeated(key, label, line);
      const checked: RowCheck = repeated ? { reason: repeated } : target.check(value);
      if ('reason' in checked) await reader.reject(line, cells, checked.reason);
      else {
        staged += 1;
        yield { line, data: checked.data };
      }
    }
  }

  await clearStagedRows(db, job);
  try {
    await stageRows(deps.database, job, accepted());
    const resultKey = await report.close();
    const read = { read: reader.counts.read, skipped: reader.counts.skipped };
    if (staged === 0 && target.refuseEmpty) {
      await clearStagedRows(db, job);
      return { applied: false, outcome: refusedOutcome(target.refuseEmpty, read, resultKey) };
    }
    signal.throwIfAborted();
    progress({ phase: 'load', rowsDone: read.read, rowsTotal: read.read, counts: read });
    const sha256 = source.sha256();
    const counts = await db.transaction(async (tx) => {
      const merged = await target.merge(tx, stagedRowsOf(job));
      const all: ImportCounts = { ...read, ...merged };
      await recordImport(tx, job, sha256, { counts: all });
      await clearStagedRows(tx, job);
      return all;
    });
    deps.database.changes.announce(target.tables);
    return { applied: true, outcome: importOutcome(counts, resultKey) };
  } catch (error) {
    await clearStagedRows(db, job).catch(() => {});
    throw error;
  }
}
