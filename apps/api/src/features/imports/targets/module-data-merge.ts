import type { EntryType, SubModuleId } from '@co2-calculator/domain';
import { type SQL, sql } from 'drizzle-orm';
import { affectedRows } from '../../../platform/db/affected-rows.js';
import type { Database } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/query-rows.js';
import type { JobRow } from '../../jobs/table.js';
import { attemptOf, recordFileUnderClaim } from '../claim.js';
import { EventLoopSlices } from '../event-loop-slices.js';

export interface MergeParams {
  job: JobRow;
  year: number;
  subModule: SubModuleId;
  type: EntryType;
  /** How many rows the job staged (what its COPY loaded). */
  staged: number;
  /** The units the staged rows belong to. */
  unitIds: readonly string[];
  /** The file line of the last staged row (staged rows are numbered by their line). */
  lastLine: number;
  /** Rows per statement at most (`DatabaseHandle.bulkSliceRows`); undefined: all at once. */
  sliceRows?: number;
  sha256: string;
  /** Called once the rows this file replaces are gone, as the new ones go in. */
  onInsert(): void;
}

/**
 * Merges a job's staged rows into the entries and emissions, set-based, in one transaction:
 * the rows the file replaces go, the staged ones come in with their emissions, their module
 * is under way, the staging is cleared. Resolves with the rows inserted (a staged row that
 * names a person already counted in the unit's headcount is left out).
 *
 * What a million rows cost here is writing them: each entry row updates seven indexes and
 * checks three foreign keys, each emission row three indexes and one. So no statement joins
 * what it need not join: the entry ids were made in file order (no sort), the emissions come
 * from the staging and the reports (a few rows), not back from the entries, unless some staged
 * rows were refused, and the reports and their modules come from the units the import saw.
 *
 * With `sliceRows`, the statements over the staged rows take them a range of file lines at a
 * time, and the event loop runs between two: on PGlite, whose statements run on this thread,
 * the server keeps answering while a large file is merged.
 */
export async function mergeStagedEntries(db: Database, params: MergeParams): Promise<number> {
  const { job, year, subModule, type } = params;
  const allUnits = job.target === 'module-data-all';
  const ofThisClaim = sql`s.job_id = ${job.id} and s.attempt = ${attemptOf(job)}`;
  const staged = sql`import_staged_entries s
      join reports r on r.unit_id = s.unit_id and r.year = ${year} and r.kind = 'official'`;
  const unitIds = sql`${sql.param([...params.unitIds])}::uuid[]`;
  return db.transaction(async (tx) => {
    const eventLoop = new EventLoopSlices();
    /**
     * Runs `statement` once per range of `column` (ranges of `sliceRows` up to `last`, or one
     * of every value); resolves with the rows it changed.
     */
    async function bySlice(
      column: SQL,
      last: number,
      statement: (range: SQL) => SQL,
    ): Promise<number> {
      let changed = 0;
      for (const range of ranges(column, last, params.sliceRows)) {
        if (eventLoop.over()) await eventLoop.yield();
        changed += affectedRows(await tx.execute(statement(range)));
      }
      return changed;
    }
    const stagedLines = (statement: (range: SQL) => SQL) =>
      bySlice(sql`s.line`, params.lastLine, statement);
    await tx.execute(sql`
      insert into reports (unit_id, year)
      select unnest(${unitIds}), ${year}::int
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
              where j.file_sha256 = ${params.sha256} and j.target = ${job.target}
                and j.sub_module = ${subModule} and j.year = ${year}
                and j.unit_id is not distinct from ${job.unitId}::uuid)`
        : sql`d.source = ${source}`;
    const doomed = sql`${sameTarget} and (d.import_job_id = ${job.id} or ${replaced})`;
    if (!params.sliceRows) {
      await tx.execute(sql`delete from data_entries d where ${doomed}`);
    } else {
      // Found by one statement, then deleted a slice at a time: a slice looked up anew each
      // time would step again over every row deleted before it.
      await tx.execute(sql`create temp table replaced_entries on commit drop as
        select row_number() over () as n, d.id from data_entries d where ${doomed}`);
      await tx.execute(sql`create index on replaced_entries (n)`);
      const [found] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from replaced_entries`,
      );
      await bySlice(
        sql`x.n`,
        found!.n,
        (range) => sql`delete from data_entries
          where id in (select x.id from replaced_entries x where true ${range})`,
      );
    }
    params.onInsert();
    const inserted = await stagedLines(
      (lines) => sql`
      insert into data_entries (id, report_id, unit_id, year, module, sub_module, entry_type,
                                fields, source, note, kg_override, kg_co2eq, flags, created_by,
                                import_job_id)
      select s.entry_id, r.id, s.unit_id, ${year}, ${type.module}, ${subModule}, ${type.id},
             s.fields, ${source}, s.note, s.kg_override, s.kg_co2eq, s.flags,
             ${job.createdBy}::uuid, ${job.id}::uuid
        from ${staged}
       where ${ofThisClaim} ${lines}
      on conflict do nothing`,
    );
    // Only the headcount's unique person per report refuses rows; when none was refused,
    // every staged row is in and its emissions need no look-up of its entry.
    const onlyInserted =
      inserted === params.staged
        ? sql``
        : sql`and exists (select 1 from data_entries d where d.id = s.entry_id)`;
    await stagedLines(
      (lines) => sql`
      insert into emissions (entry_id, report_id, module, emission_type, scope, category,
                             kg_co2eq, quantity, quantity_unit, factor_ids)
      select s.entry_id, r.id, ${type.module}, x.emission_type, x.scope, x.category,
             x.kg_co2eq, x.quantity, x.quantity_unit, x.factor_ids
        from ${staged}
        cross join lateral jsonb_to_recordset(s.emissions) as x(
          emission_type text, scope smallint, category text, kg_co2eq float8,
          quantity float8, quantity_unit text, factor_ids text[])
       where ${ofThisClaim} ${lines} ${onlyInserted}`,
    );
    // A module that receives its first rows is under way: in each report that now holds a row
    // of this job (a few reports, each looked up by its index).
    await tx.execute(sql`
      insert into report_modules (report_id, module, status)
      select r.id, ${type.module}, 'in_progress'::module_status
        from reports r
       where r.unit_id = any(${unitIds}) and r.year = ${year} and r.kind = 'official'
         and exists (select 1 from data_entries d
                      where d.report_id = r.id and d.module = ${type.module}
                        and d.sub_module = ${subModule} and d.import_job_id = ${job.id})
      on conflict (report_id, module) do update
        set status = case when report_modules.status = 'not_started'
                          then 'in_progress'::module_status else report_modules.status end`);
    await stagedLines(
      (lines) => sql`delete from import_staged_entries s where ${ofThisClaim} ${lines}`,
    );
    await recordFileUnderClaim(tx, job, params.sha256);
    return inserted;
  });
}

/**
 * The condition of each statement on `column`: ranges of `size` values (a range holds that
 * many rows at most when the values are unique) up to `last`, or without `size` one range of
 * every value.
 */
function* ranges(column: SQL, last: number, size: number | undefined): Iterable<SQL> {
  if (!size) {
    yield sql``;
    return;
  }
  for (let after = 0; after < last; after += size) {
    yield sql`and ${column} > ${after} and ${column} <= ${after + size}`;
  }
}
