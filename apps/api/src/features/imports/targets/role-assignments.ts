import { ROLE_ASSIGNMENTS_CSV, type RoleAssignmentRow } from '@co2-calculator/domain';
import { or, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.js';
import type { JobContext } from '../../jobs/runner.js';
import type { Outcome } from '../../jobs/store.js';
import { REGISTRY_SYNC_LOCK_KEY } from '../../registry/sync.js';
import { countActiveAdmins } from '../../users/queries.js';
import { roleAssignments, users } from '../../users/table.js';
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
import { type DecodedRow, distinctRows, RowReader } from '../read-rows.js';
import type { TargetDeps } from '../staged-import.js';
import { unitIdsByCode } from '../unit-codes.js';
import { type KnownUser, planPeople } from './assignment-people.js';

interface Assignment {
  userId: string;
  role: string;
  unitId: string | null;
}

const keyOf = (a: Assignment) => `${a.userId} ${a.role} ${a.unitId ?? ''}`;

/**
 * Imports role assignments (who holds which role where, by e-mail and unit code): the file
 * **replaces** the assignments of source `csv` (those it no longer lists are revoked, the new
 * ones granted) and never touches those granted in the app, by the IdP or by the registry
 * sync. People not known yet are created, as the registry sync does. A file that would leave
 * no active administrator fails and changes nothing.
 */
export async function importRoleAssignments(
  deps: TargetDeps,
  context: JobContext,
): Promise<Outcome> {
  const { job, db, signal, progress } = context;
  progress({ phase: 'parse', rowsDone: 0 });
  const source = await openCsvSource(deps.store, job.fileKey!, ROLE_ASSIGNMENTS_CSV);
  const report = new ErrorReport(deps.store, errorReportKeyOf(job.fileKey!), source.header);
  const reader = new RowReader(source, ROLE_ASSIGNMENTS_CSV, report, context);
  const unitIds = await unitIdsByCode(db);
  const rows: DecodedRow<RoleAssignmentRow>[] = [];
  const decoded = await distinctRows(reader, (row) => ({
    key: `${row.email} ${row.role} ${row.unitCode ?? ''}`,
    label: `${row.role} ${row.unitCode ? `in ${row.unitCode} ` : ''}for ${row.email}`,
  }));
  for (const row of decoded) {
    const { unitCode } = row.value;
    if (unitCode !== undefined && !unitIds.has(unitCode)) {
      await reader.reject(row.line, row.cells, `unitCode: no unit has the code "${unitCode}"`);
    } else {
      rows.push(row);
    }
  }
  signal.throwIfAborted();
  progress({ phase: 'load', rowsDone: reader.counts.read, rowsTotal: reader.counts.read });
  const sha256 = source.sha256();

  let counts: ImportCounts;
  try {
    counts = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${REGISTRY_SYNC_LOCK_KEY})`);
      const people = planPeople(rows, await knownUsers(tx, rows));
      for (const { row, reason } of people.rejected) {
        await reader.reject(row.line, row.cells, reason);
      }
      if (reader.counts.read > 0 && rows.length === people.rejected.length) {
        // Applying it would revoke every CSV assignment; a file meant to do so has no rows.
        throw new FileRefused('No row of the file is valid.');
      }
      await writePeople(tx, people);
      const refused = new Set(people.rejected.map(({ row }) => row));
      const wanted = new Map<string, Assignment>();
      for (const row of rows) {
        if (refused.has(row)) continue;
        const { email, role, unitCode } = row.value;
        const assignment = {
          userId: people.userIdOf.get(email)!,
          role,
          unitId: unitCode === undefined ? null : unitIds.get(unitCode)!,
        };
        wanted.set(keyOf(assignment), assignment);
      }
      const change = await replaceCsvAssignments(tx, wanted, job.createdBy);
      if (change.revokedAdmin && (await countActiveAdmins(tx)) === 0) {
        throw new FileRefused('The file would leave no active administrator.');
      }
      const written: ImportCounts = {
        ...reader.counts,
        inserted: change.granted,
        updated: 0,
        revoked: change.revoked,
      };
      await recordImport(tx, job, sha256, {
        counts: written,
        usersCreated: people.created.length,
        usersLinked: people.linked.length,
      });
      return written;
    });
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    return refusedOutcome(error.message, reader.counts, await report.close());
  }
  deps.database.changes.announce(['users', 'role_assignments']);
  return importOutcome(counts, await report.close());
}

/** The users the file's e-mails and institutional ids may designate, in one query. */
async function knownUsers(
  tx: Database,
  rows: readonly DecodedRow<RoleAssignmentRow>[],
): Promise<KnownUser[]> {
  if (rows.length === 0) return [];
  const emails = [...new Set(rows.map((row) => row.value.email))];
  const ids = [...new Set(rows.flatMap((row) => row.value.institutionalId ?? []))];
  return tx
    .select({ id: users.id, email: users.email, institutionalId: users.institutionalId })
    .from(users)
    .where(
      or(
        sql`${users.email} in (select jsonb_array_elements_text(${jsonRows(emails)}))`,
        sql`${users.institutionalId} in (select jsonb_array_elements_text(${jsonRows(ids)}))`,
      ),
    );
}

async function writePeople(tx: Database, people: ReturnType<typeof planPeople>) {
  for (const batch of batchesOf(people.created)) {
    await tx.execute(sql`
      insert into users (id, email, institutional_id, display_name)
      select r.id, r.email, r.institutional_id, r.display_name
        from jsonb_to_recordset(${jsonRows(batch)})
          as r(id uuid, email text, institutional_id text, display_name text)`);
  }
  for (const batch of batchesOf(people.linked)) {
    await tx.execute(sql`
      update users u set institutional_id = r.institutional_id, updated_at = now()
        from jsonb_to_recordset(${jsonRows(batch)}) as r(id uuid, institutional_id text)
       where u.id = r.id`);
  }
}

/**
 * Makes the `csv` assignments exactly `wanted`: revokes those no longer listed, grants the
 * new ones. Rows of the other sources are never read nor written.
 */
async function replaceCsvAssignments(
  tx: Database,
  wanted: Map<string, Assignment>,
  grantedBy: string | null,
) {
  const current = await tx
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
    })
    .from(roleAssignments)
    .where(sql`${roleAssignments.source} = 'csv'`);
  const held = new Set(current.map(keyOf));
  const revoke = current.filter((row) => !wanted.has(keyOf(row)));
  const grant = [...wanted.values()].filter((row) => !held.has(keyOf(row)));
  for (const batch of batchesOf(revoke.map((row) => row.id))) {
    await tx.execute(sql`
      delete from role_assignments
       where source = 'csv'
         and id in (select value::uuid from jsonb_array_elements_text(${jsonRows(batch)}))`);
  }
  for (const batch of batchesOf(grant)) {
    await tx.execute(sql`
      insert into role_assignments (user_id, role, unit_id, source, granted_by)
      select r."userId", r.role::role, r."unitId", 'csv', ${grantedBy}::uuid
        from jsonb_to_recordset(${jsonRows(batch)}) as r("userId" uuid, role text, "unitId" uuid)`);
  }
  return {
    granted: grant.length,
    revoked: revoke.length,
    revokedAdmin: revoke.some((row) => row.role === 'admin'),
  };
}
