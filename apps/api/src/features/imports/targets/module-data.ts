import { randomUUID } from 'node:crypto';
import {
  calculateEntry,
  decodeRow,
  EMISSION_TYPES,
  entryTypeOf,
  moduleCsvFormat,
  type ModuleRow,
  type SubModuleId,
  withOutlierFlag,
} from '@co2-calculator/domain';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../platform/db/database.js';
import type { ObjectStore } from '../../../platform/storage/object-store.js';
import type { CalculationContexts } from '../../entries/calculation-context.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { units } from '../../units/table.js';
import { yearModules } from '../../years/table.js';
import { copyLine } from '../copy-text.js';
import { openCsvSource } from '../csv-source.js';
import { ErrorReport, errorReportKeyOf } from '../error-report.js';

export interface ModuleDataDeps {
  database: DatabaseHandle;
  store: ObjectStore;
  contexts: CalculationContexts;
}

/** Staged rows per COPY chunk: a few hundred kB of text. */
const CHUNK_ROWS = 1_000;

interface UnitRef {
  id: string;
  level: number;
  active: boolean;
}

/**
 * Imports the rows of one sub-module for one year: of every unit (the back office's file,
 * with a `unitCode` column; it replaces the earlier back-office rows of that year and
 * sub-module) or of one unit (appending, or replacing that unit's earlier CSV rows). Manual
 * rows are never touched.
 *
 * One pass over the file streams each row through the domain's decoder and calculator into a
 * staging table (COPY); one transaction then merges the set into the entries and emissions.
 * Rejected rows go to the error report. The same file imported again for the same target
 * replaces its own rows rather than adding them twice, and a rerun after a crash replaces
 * whatever a dead run had merged.
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
  const unitsByCode = allUnits ? await loadUnits(deps) : undefined;
  const calculation = await deps.contexts(year);
  const [setting] = await db
    .select({ threshold: yearModules.outlierThresholdKg })
    .from(yearModules)
    .where(sql`${yearModules.year} = ${year} and ${yearModules.module} = ${type.module}`);
  const dateColumns = format.columns.filter((c) => c.type === 'date').map((c) => c.name);
  const counts = { read: 0, skipped: 0, withFactor: 0, withoutFactor: 0 };

  await db.execute(sql`delete from import_staged_entries where job_id = ${job.id}`);

  async function* staged(): AsyncIterable<string> {
    let chunk = '';
    let rows = 0;
    for await (const { line, record, cells } of source.records) {
      counts.read += 1;
      const decoded = decodeRow(format, record, { allUnits });
      let reason = decoded.ok ? undefined : decoded.reason;
      let unitId = job.unitId;
      if (decoded.ok) {
        const row = decoded.value as ModuleRow;
        reason = dateOutsideYear(row.fields, dateColumns, year);
        if (!reason && allUnits) {
          const unit = unitsByCode!.get(row.unitCode ?? '');
          if (!unit) reason = `unitCode: no unit has the code "${row.unitCode}"`;
          else if (unit.level !== 4) reason = `unitCode: ${row.unitCode} is not a lab-level unit`;
          else if (!unit.active) reason = `unitCode: ${row.unitCode} is no longer active`;
          else unitId = unit.id;
        }
        if (!reason) {
          const result = withOutlierFlag(
            calculateEntry(type, subModule, row.fields, row.kgCo2eq ?? null, calculation),
            setting?.threshold,
          );
          if (result.flags.some((flag) => flag.code === 'missing-factor'))
            counts.withoutFactor += 1;
          else counts.withFactor += 1;
          chunk += copyLine([
            job.id,
            line,
            randomUUID(),
            unitId,
            JSON.stringify(row.fields),
            row.note ?? null,
            row.kgCo2eq ?? null,
            result.emissions.reduce((sum, e) => sum + e.kgCo2eq, 0),
            JSON.stringify(result.flags),
            JSON.stringify(
              result.emissions.map((e) => ({
                emission_type: e.emissionType,
                scope: EMISSION_TYPES[e.emissionType].scope,
                category: EMISSION_TYPES[e.emissionType].category,
                kg_co2eq: e.kgCo2eq,
                quantity: e.quantity?.value ?? null,
                quantity_unit: e.quantity?.unit ?? null,
                factor_ids: e.factorIds,
              })),
            ),
          ]);
          rows += 1;
        }
      }
      if (reason) {
        counts.skipped += 1;
        await report.add(line, cells, reason);
      }
      for (const skip of source.skipped.splice(0)) {
        counts.read += 1;
        counts.skipped += 1;
        await report.add(skip.line, [], `The row cannot be read: ${skip.reason}`);
      }
      if (rows >= CHUNK_ROWS) {
        signal.throwIfAborted();
        progress({ rowsDone: counts.read, counts: { ...counts } });
        yield chunk;
        chunk = '';
        rows = 0;
      }
    }
    for (const skip of source.skipped.splice(0)) {
      counts.read += 1;
      counts.skipped += 1;
      await report.add(skip.line, [], `The row cannot be read: ${skip.reason}`);
    }
    if (chunk) yield chunk;
  }

  await deps.database.copyFrom(
    `COPY import_staged_entries (job_id, line, entry_id, unit_id, fields, note, kg_override,
       kg_co2eq, flags, emissions) FROM STDIN`,
    staged(),
  );
  const resultKey = await report.close();
  signal.throwIfAborted();
  progress({ phase: 'load', rowsDone: counts.read, rowsTotal: counts.read, counts: { ...counts } });

  const sha256 = source.sha256();
  const inserted = await db.transaction(async (tx) => {
    await tx.execute(
      sql`update data_ingestion_jobs set file_sha256 = ${sha256} where id = ${job.id}`,
    );
    await tx.execute(sql`
      insert into reports (unit_id, year)
      select distinct unit_id, ${year}::int from import_staged_entries where job_id = ${job.id}
      on conflict (unit_id, year) where kind = 'official' do nothing`);
    // What this file replaces: its own earlier rows (a rerun, the same file again) and, in
    // replace mode, every earlier CSV row of its target. Manual rows stay.
    const source = allUnits ? 'backoffice-csv' : 'unit-csv';
    const sameTarget = allUnits
      ? sql`d.year = ${year} and d.sub_module = ${subModule}`
      : sql`d.year = ${year} and d.sub_module = ${subModule} and d.unit_id = ${job.unitId}`;
    const replaced =
      job.mode === 'append'
        ? sql`d.import_job_id in (select j.id from data_ingestion_jobs j
              where j.file_sha256 = ${sha256} and j.target = ${job.target}
                and j.sub_module = ${subModule} and j.year = ${year}
                and j.unit_id is not distinct from ${job.unitId}::uuid)`
        : sql`d.source = ${source}`;
    await tx.execute(sql`
      delete from data_entries d
       where ${sameTarget} and (d.import_job_id = ${job.id} or ${replaced})`);
    progress({ phase: 'calculate' });
    const result = await tx.execute(sql`
      insert into data_entries (id, report_id, unit_id, year, module, sub_module, entry_type,
                                fields, source, note, kg_override, kg_co2eq, flags, created_by,
                                import_job_id)
      select s.entry_id, r.id, s.unit_id, ${year}, ${type.module}, ${subModule}, ${type.id},
             s.fields, ${source}, s.note, s.kg_override, s.kg_co2eq, s.flags,
             ${job.createdBy}::uuid, ${job.id}::uuid
        from import_staged_entries s
        join reports r on r.unit_id = s.unit_id and r.year = ${year} and r.kind = 'official'
       where s.job_id = ${job.id}
       order by s.line
      on conflict do nothing`);
    await tx.execute(sql`
      insert into emissions (entry_id, report_id, module, emission_type, scope, category,
                             kg_co2eq, quantity, quantity_unit, factor_ids)
      select d.id, d.report_id, d.module, x.emission_type, x.scope, x.category, x.kg_co2eq,
             x.quantity, x.quantity_unit, array(select jsonb_array_elements_text(x.factor_ids))
        from import_staged_entries s
        join data_entries d on d.id = s.entry_id
        cross join lateral jsonb_to_recordset(s.emissions) as x(
          emission_type text, scope smallint, category text, kg_co2eq float8,
          quantity float8, quantity_unit text, factor_ids jsonb)
       where s.job_id = ${job.id}`);
    // A module that receives its first rows is under way.
    await tx.execute(sql`
      insert into report_modules (report_id, module, status)
      select distinct report_id, module, 'in_progress'::module_status
        from data_entries where import_job_id = ${job.id}
      on conflict (report_id, module) do update
        set status = case when report_modules.status = 'not_started'
                          then 'in_progress'::module_status else report_modules.status end`);
    await tx.execute(sql`delete from import_staged_entries where job_id = ${job.id}`);
    return rowCount(result);
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

function dateOutsideYear(
  fields: Record<string, unknown>,
  dateColumns: string[],
  year: number,
): string | undefined {
  for (const column of dateColumns) {
    const value = fields[column];
    if (typeof value === 'string' && !value.startsWith(`${year}-`)) {
      return `${column}: ${value} is outside the year ${year}`;
    }
  }
  return undefined;
}

function rowCount(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
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
  if (withoutFactor > 0) parts.push(`${withoutFactor} rows have no factor and are flagged`);
  return parts.length ? `${parts.join('; ')}.` : null;
}
