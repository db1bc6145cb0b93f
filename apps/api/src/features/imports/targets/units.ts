import { UNITS_CSV, type UnitRow } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/query-rows.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { REGISTRY_SYNC_LOCK_KEY } from '../../registry/sync.js';
import { units } from '../../units/table.js';
import { openCsvSource } from '../csv-source.js';
import { ErrorReport, errorReportKeyOf } from '../error-report.js';
import { recordImport } from '../import-audit.js';
import {
  FileRefused,
  type ImportCounts,
  importOutcome,
  refusedOutcome,
} from '../import-outcome.js';
import { batchesOf, jsonRows } from '../json-rows.js';
import { distinctRows, RowReader } from '../read-rows.js';
import type { TargetDeps } from '../staged-import.js';
import { planUnitTree, type StoredUnit, type UnitTreePlan } from './unit-tree-plan.js';

/** How many misplaced units a refusal names. */
const NAMED_IN_MESSAGE = 10;

/**
 * Imports the institution's units (the registry as a CSV file, a whole snapshot of the tree):
 * a diffed upsert by code, parents by code, level by level; rows whose parent is unknown,
 * refused or not above them are refused; units the file leaves out are deactivated, never
 * deleted. Serialised with the registry sync, in one transaction: a tree the database would
 * refuse fails the whole file and changes nothing.
 */
export async function importUnits(deps: TargetDeps, context: JobContext): Promise<Outcome> {
  const { job, db, signal, progress } = context;
  progress({ phase: 'parse', rowsDone: 0 });
  const source = await openCsvSource(deps.store, job.fileKey!, UNITS_CSV);
  const report = new ErrorReport(deps.store, errorReportKeyOf(job.fileKey!), source.header);
  // Codes of rows that did not decode: those units are left as they are, not deactivated.
  const named = new Set<string>();
  const reader = new RowReader<UnitRow>(source, UNITS_CSV, report, context, (record) => {
    const code = record.code?.trim();
    if (code) named.add(code);
  });
  const rows = await distinctRows(reader, (unit) => ({
    key: unit.code,
    label: `the unit ${unit.code}`,
  }));
  signal.throwIfAborted();
  progress({ phase: 'load', rowsDone: reader.counts.read, rowsTotal: reader.counts.read });
  const sha256 = source.sha256();

  let counts: ImportCounts;
  try {
    counts = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${REGISTRY_SYNC_LOCK_KEY})`);
      const existing: StoredUnit[] = await tx
        .select({
          id: units.id,
          code: units.code,
          nameEn: units.nameEn,
          nameFr: units.nameFr,
          level: units.level,
          parentId: units.parentId,
          type: units.type,
          active: units.active,
        })
        .from(units)
        .for('update');
      const plan = planUnitTree(rows, existing, named);
      for (const { row, reason } of plan.rejected) await reader.reject(row.line, row.cells, reason);
      if (rows.length === plan.rejected.length) {
        // Applying it would deactivate every unit.
        throw new FileRefused(
          reader.counts.read === 0
            ? 'The file lists no unit, and a units file is the whole tree.'
            : 'No row of the file is valid, and a units file is the whole tree.',
        );
      }
      await writeTree(tx, plan);
      await refuseMisplacedUnits(tx);
      const written: ImportCounts = {
        ...reader.counts,
        inserted: plan.inserts.flat().length,
        updated: plan.updates.flat().length,
        deactivated: plan.deactivate.length,
      };
      await recordImport(tx, job, sha256, {
        counts: written,
        deactivatedCodes: plan.deactivate.map((unit) => unit.code),
      });
      return written;
    });
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    return refusedOutcome(error.message, reader.counts, await report.close());
  }
  deps.database.changes.announce(['units']);
  return importOutcome(counts, await report.close());
}

/**
 * Writes a plan level by level (the path trigger reads the parent's path and level, which
 * must be final first), a batch of rows per statement. The tree trigger's refusals (a cycle,
 * a parent not above its child) become a refusal of the file.
 */
async function writeTree(tx: Database, plan: UnitTreePlan): Promise<void> {
  try {
    for (let level = 1; level < plan.inserts.length; level++) {
      for (const batch of batchesOf(plan.inserts[level]!)) {
        await tx.execute(sql`
          insert into units (id, code, name_en, name_fr, level, parent_id, type, active)
          select r.id, r.code, r."nameEn", r."nameFr", r.level, r."parentId",
                 r.type::unit_type, r.active
            from jsonb_to_recordset(${jsonRows(batch)})
              as r(id uuid, code text, "nameEn" text, "nameFr" text, level smallint,
                   "parentId" uuid, type text, active boolean)`);
      }
      for (const batch of batchesOf(plan.updates[level]!)) {
        await tx.execute(sql`
          update units u
             set name_en = r."nameEn", name_fr = r."nameFr", level = r.level,
                 parent_id = r."parentId", type = r.type::unit_type, active = r.active,
                 updated_at = now()
            from jsonb_to_recordset(${jsonRows(batch)})
              as r(id uuid, "nameEn" text, "nameFr" text, level smallint, "parentId" uuid,
                   type text, active boolean)
           where u.id = r.id`);
      }
    }
    for (const batch of batchesOf(plan.deactivate.map((unit) => unit.id))) {
      await tx.execute(sql`
        update units set active = false, updated_at = now()
         where id in (select value::uuid from jsonb_array_elements_text(${jsonRows(batch)}))`);
    }
  } catch (error) {
    const refusal = treeRefusal(error);
    if (refusal) throw new FileRefused(`The database refused the unit tree: ${refusal}.`);
    throw error;
  }
}

/**
 * Refuses the file when a unit it leaves as it is (not listed, or its row refused) would end
 * up under a parent that is no longer above it: the tree trigger checks the rows written, not
 * the children they carry along.
 */
async function refuseMisplacedUnits(tx: Database): Promise<void> {
  const misplaced = await queryRows<{ child: string; level: number; parent: string }>(
    tx,
    sql`select c.code as child, c.level, p.code as parent
          from units c join units p on p.id = c.parent_id
         where p.level >= c.level
         order by c.code
         limit ${NAMED_IN_MESSAGE}`,
  );
  if (misplaced.length === 0) return;
  const listed = misplaced.map((m) => `${m.child} (level ${m.level}) under ${m.parent}`);
  throw new FileRefused(
    `The file would leave units under a parent that is not above them: ${listed.join(', ')}. ` +
      'List them in the file with their place in the new tree.',
  );
}

/** The message of a tree trigger's refusal (check or foreign-key violation), if that it is. */
function treeRefusal(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === '23514' || code === '23503') return cause.message;
  }
  return undefined;
}
