import {
  decodeRow,
  entryTypeOf,
  moduleCsvFormat,
  type ModuleRow,
  type SubModuleId,
} from '@co2-calculator/domain';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../platform/db/database.js';
import type { ObjectStore } from '../../../platform/storage/object-store.js';
import type { CalculationContexts } from '../../entries/calculation-context.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { units } from '../../units/table.js';
import { outlierThresholdOf } from '../../years/service.js';
import { yearModules } from '../../years/table.js';
import { openCsvSource } from '../csv-source.js';
import { attemptOf } from '../claim.js';
import { ErrorReport, errorReportKeyOf } from '../error-report.js';
import { EventLoopSlices } from '../event-loop-slices.js';
import { mergeStagedEntries } from './module-data-merge.js';
import { ModuleRows, STAGED_ENTRY_COLUMNS, type UnitRef } from './module-rows.js';

export interface ModuleDataDeps {
  database: DatabaseHandle;
  store: ObjectStore;
  contexts: CalculationContexts;
}

/**
 * Staged rows per COPY chunk: about 100 kB of text. On PGlite each chunk is one COPY on the
 * server's thread, so it is kept small enough to hold the event loop for a few milliseconds.
 */
const CHUNK_ROWS = 250;

/**
 * Imports the rows of one sub-module for one year: of every unit (the back office's file,
 * with a `unitCode` column; it replaces the earlier back-office rows of that year and
 * sub-module) or of one unit (appending, or replacing that unit's earlier CSV rows). Manual
 * rows are never touched.
 *
 * One pass over the file streams each row through the domain's decoder and calculator into a
 * staging table (COPY), in slices that leave the event loop to the requests this process
 * serves; one transaction then merges the set into the entries and emissions
 * (`module-data-merge.ts`). Rejected rows go to the error report. The same file imported
 * again for the same target replaces its own rows rather than adding them twice, and a rerun
 * after a crash replaces whatever a dead run had merged.
 */
export async function importModuleData(
  deps: ModuleDataDeps,
  context: JobContext,
): Promise<Outcome> {
  const { job, db, signal, progress } = context;
  const subModule = job.subModule as SubModuleId;
  const type = entryTypeOf(subModule)!;
  const format = moduleCsvFormat(subModule);
  const year = job.year!;
  const allUnits = job.target === 'module-data-all';
  progress({ phase: 'parse', rowsDone: 0 });

  const source = await openCsvSource(deps.store, job.fileKey!, format, { allUnits });
  const report = new ErrorReport(deps.store, errorReportKeyOf(job.fileKey!), source.header);
  const [setting] = await db
    .select({
      outlierThresholdKg: yearModules.outlierThresholdKg,
      subModuleThresholdsKg: yearModules.subModuleThresholdsKg,
    })
    .from(yearModules)
    .where(sql`${yearModules.year} = ${year} and ${yearModules.module} = ${type.module}`);
  const rows = new ModuleRows({
    jobId: job.id,
    attempt: attemptOf(job),
    year,
    subModule,
    type,
    calculation: await deps.contexts(year),
    thresholdKg: outlierThresholdOf(setting, subModule),
    unitId: job.unitId,
    unitsByCode: allUnits ? await loadUnits(deps) : undefined,
  });
  const counts = { read: 0, skipped: 0, withFactor: 0, withoutFactor: 0 };
  const slices = new EventLoopSlices();

  // What earlier claims of the job left (a run that died); never a later claim's rows.
  await db.execute(sql`delete from import_staged_entries
    where job_id = ${job.id} and attempt <= ${attemptOf(job)}`);

  async function* staged(): AsyncIterable<string> {
    let chunk = '';
    let rowsInChunk = 0;
    for await (const { line, record, cells } of source.records) {
      if (slices.over()) await slices.yield();
      counts.read += 1;
      const decoded = decodeRow(format, record, { allUnits });
      const row = decoded.ok ? rows.stage(line, decoded.value as ModuleRow) : decoded;
      if (row.ok) {
        if (row.withoutFactor) counts.withoutFactor += 1;
        else counts.withFactor += 1;
        chunk += row.text;
        rowsInChunk += 1;
      } else {
        counts.skipped += 1;
        await report.add(line, cells, row.reason);
      }
      if (source.skipped.length > 0) await reportUnreadable();
      if (rowsInChunk >= CHUNK_ROWS) {
        signal.throwIfAborted();
        progress({ rowsDone: counts.read, counts: { ...counts } });
        yield chunk;
        chunk = '';
        rowsInChunk = 0;
      }
    }
    await reportUnreadable();
    if (chunk) yield chunk;
  }

  /** Rows the CSV parser could not read count as read and rejected. */
  async function reportUnreadable() {
    for (const skip of source.skipped.splice(0)) {
      counts.read += 1;
      counts.skipped += 1;
      await report.add(skip.line, [], `The row cannot be read: ${skip.reason}`);
    }
  }

  const stagedRows = await deps.database.copyFrom(
    `COPY import_staged_entries (${STAGED_ENTRY_COLUMNS}) FROM STDIN`,
    staged(),
  );
  const resultKey = await report.close();
  signal.throwIfAborted();
  // A file without one row to load fails and changes nothing: merged, it would replace every
  // earlier CSV row of its target with nothing (a header-only file, a file of all units whose
  // unit codes are all wrong), under a mere warning.
  if (counts.read === counts.skipped) {
    return {
      state: 'failed',
      rowsDone: counts.read,
      counts: { ...counts, inserted: 0 },
      resultKey,
      error:
        (counts.read === 0
          ? 'The file has a header but no rows.'
          : `None of the ${counts.read} rows could be imported (see the error report).`) +
        ' Nothing was changed.',
    };
  }
  progress({ phase: 'load', rowsDone: counts.read, rowsTotal: counts.read, counts: { ...counts } });

  const inserted = await mergeStagedEntries(db, {
    job,
    year,
    subModule,
    type,
    staged: stagedRows,
    unitIds: [...rows.unitIds],
    lastLine: rows.lastLine,
    sliceRows: deps.database.bulkSliceRows,
    sha256: source.sha256(),
    onInsert: () => progress({ phase: 'calculate' }),
  });
  // Rows the merge refused (a person already counted in the unit's headcount).
  const duplicates = counts.read - counts.skipped - inserted;
  // The aggregation shows in the pipeline of whoever imported, hence the unit.
  await context.then({
    kind: 'aggregate',
    year,
    module: type.module,
    unitId: job.unitId ?? undefined,
    createdBy: job.createdBy,
  });

  const skipped = counts.skipped + duplicates;
  return {
    state: skipped > 0 || counts.withoutFactor > 0 || counts.read === 0 ? 'warning' : 'succeeded',
    rowsDone: counts.read,
    counts: { ...counts, skipped, inserted },
    resultKey,
    error: summary(counts.read, skipped, duplicates, counts.withoutFactor),
  };
}

async function loadUnits(deps: ModuleDataDeps): Promise<Map<string, UnitRef>> {
  const rows = await deps.database.db
    .select({ code: units.code, id: units.id, level: units.level, active: units.active })
    .from(units)
    .where(eq(units.level, 4));
  return new Map(rows.map((row) => [row.code, row]));
}

function summary(read: number, skipped: number, duplicates: number, withoutFactor: number) {
  if (read === 0) return 'The file has a header but no rows.';
  const parts: string[] = [];
  if (skipped > 0) {
    parts.push(
      `${skipped} of ${read} rows were rejected (see the error report)` +
        (duplicates > 0 ? `, ${duplicates} of them people already counted in the unit` : ''),
    );
  }
  if (withoutFactor > 0) {
    parts.push(
      withoutFactor === 1
        ? '1 row has no factor and is flagged'
        : `${withoutFactor} rows have no factor and are flagged`,
    );
  }
  return parts.length ? `${parts.join('; ')}.` : null;
}
