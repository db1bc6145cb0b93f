import type { EntryType, SubModuleId } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import { affectedRows } from '../../../platform/db/affected-rows.js';
import type { Database } from '../../../platform/db/database.js';
import type { JobRow } from '../../jobs/table.js';
import { attemptOf, recordFileUnderClaim } from '../claim.js';

export interface MergeParams {
  job: JobRow;
  year: number;
  subModule: SubModuleId;
  type: EntryType;
  /** How many rows the job staged (what its COPY loaded). */
  staged: number;
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
 * what it need not join: the entry ids were made in file order (no sort), and the emissions
 * come from the staging and the reports (a few rows), not back from the entries, unless some
 * staged rows were refused.
 */
export async function mergeStagedEntries(db: Database, params: MergeParams): Promise<number> {
  const { job, year, subModule, type } = params;
  const allUnits = job.target === 'module-data-all';
  const ofThisClaim = sql`s.job_id = ${job.id} and s.attempt = ${attemptOf(job)}`;
  const staged = sql`import_staged_entries s
      join reports r on r.unit_id = s.unit_id and r.year = ${year} and r.kind = 'official'`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into reports (unit_id, year)
      select distinct unit_id, ${year}::int from import_staged_entries s where ${ofThisClaim}
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
    await tx.execute(sql`
      delete from data_entries d
       where ${sameTarget} and (d.import_job_id = ${job.id} or ${replaced})`);
    params.onInsert();
    const result = await tx.execute(sql`
      insert into data_entries (id, report_id, unit_id, year, module, sub_module, entry_type,
                                fields, source, note, kg_override, kg_co2eq, flags, created_by,
                                import_job_id)
      select s.entry_id, r.id, s.unit_id, ${year}, ${type.module}, ${subModule}, ${type.id},
             s.fields, ${source}, s.note, s.kg_override, s.kg_co2eq, s.flags,
             ${job.createdBy}::uuid, ${job.id}::uuid
        from ${staged}
       where ${ofThisClaim}
      on conflict do nothing`);
    const inserted = affectedRows(result);
    // Only the headcount's unique person per report refuses rows; when none was refused,
    // every staged row is in and its emissions need no look-up of its entry.
    const onlyInserted =
      inserted === params.staged
        ? sql``
        : sql`and exists (select 1 from data_entries d where d.id = s.entry_id)`;
    await tx.execute(sql`
      insert into emissions (entry_id, report_id, module, emission_type, scope, category,
                             kg_co2eq, quantity, quantity_unit, factor_ids)
      select s.entry_id, r.id, ${type.module}, x.emission_type, x.scope, x.category,
             x.kg_co2eq, x.quantity, x.quantity_unit, x.factor_ids
        from ${staged}
        cross join lateral jsonb_to_recordset(s.emissions) as x(
          emission_type text, scope smallint, category text, kg_co2eq float8,
          quantity float8, quantity_unit text, factor_ids text[])
       where ${ofThisClaim} ${onlyInserted}`);
    // A module that receives its first rows is under way.
    await tx.execute(sql`
      insert into report_modules (report_id, module, status)
      select distinct r.id, ${type.module}, 'in_progress'::module_status
        from ${staged}
       where ${ofThisClaim} ${onlyInserted}
      on conflict (report_id, module) do update
        set status = case when report_modules.status = 'not_started'
                          then 'in_progress'::module_status else report_modules.status end`);
    await tx.execute(sql`delete from import_staged_entries s where ${ofThisClaim}`);
    await recordFileUnderClaim(tx, job, params.sha256);
    return inserted;
  });
}
