import { randomUUID } from 'node:crypto';
import type { Role, UnitType } from '@co2-calculator/domain';
import { eq, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { Database } from '../../platform/db/database.js';
import { unitColumns } from '../units/queries.js';
import { units } from '../units/table.js';
import { roleAssignments, users } from '../users/table.js';
import type { RegistrySnapshot } from './snapshot.js';

/**
 * Any constant shared by every process; it names the lock that keeps syncs, and the CSV imports
 * of units and role assignments, one at a time.
 */
export const REGISTRY_SYNC_LOCK_KEY = 4_242_010;

/** How many problems the error message lists; `problems` has them all. */
const PROBLEMS_IN_MESSAGE = 20;

export interface SyncActor {
  /** The user who asked for the sync; none for a scheduled run. */
  id?: string | null;
  /** Shown in the audit log, e.g. `scheduler` or the user's e-mail. */
  label?: string | null;
}

export interface SyncOptions {
  actor: SyncActor;
  requestId?: string | null;
}

export interface SyncReport {
  unitsCreated: number;
  /** Renamed, moved, re-levelled, re-typed, or (de)activated by the registry. */
  unitsUpdated: number;
  /** Active units the snapshot no longer lists. Never deleted. */
  unitsDeactivated: number;
  usersCreated: number;
  /** Existing users (found by e-mail) given the registry's institutional id. */
  usersLinked: number;
  /** `registry-sync` assignments added. */
  assignmentsGranted: number;
  /** `registry-sync` assignments the snapshot no longer lists, deleted. */
  assignmentsRevoked: number;
}

/** The snapshot contradicts itself or the database; nothing was changed. */
export class RegistrySnapshotError extends Error {
  constructor(readonly problems: string[]) {
    const listed = problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => `  - ${p}`);
    if (problems.length > PROBLEMS_IN_MESSAGE) {
      listed.push(`  … and ${problems.length - PROBLEMS_IN_MESSAGE} more`);
    }
    super(
      `The registry snapshot was rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}), nothing was changed:\n${listed.join('\n')}`,
    );
    this.name = 'RegistrySnapshotError';
  }
}

interface Person {
  email: string;
  institutionalId?: string;
  displayName?: string;
}

/**
 * What is wrong with a snapshot on its own: duplicate unit codes, a parent that is not in the
 * snapshot or not at a lower level, an assignment naming a unit that is not in the snapshot, one
 * person under two institutional ids or one institutional id for two e-mails. Empty when fine.
 */
export function findSnapshotProblems(snapshot: RegistrySnapshot): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, RegistrySnapshot['units'][number]>();
  for (const unit of snapshot.units) {
    if (byCode.has(unit.code)) problems.push(`unit ${unit.code} is listed more than once`);
    else byCode.set(unit.code, unit);
  }
  for (const unit of snapshot.units) {
    if (unit.parentCode === null) continue;
    const parent = byCode.get(unit.parentCode);
    if (!parent) {
      problems.push(`unit ${unit.code}: parent ${unit.parentCode} is not in the snapshot`);
    } else if (parent.level >= unit.level) {
      problems.push(
        `unit ${unit.code} (level ${unit.level}): parent ${parent.code} is at level ${parent.level}, not above it`,
      );
    }
  }
  const idOfEmail = new Map<string, string | undefined>();
  const emailOfId = new Map<string, string>();
  snapshot.assignments.forEach((assignment, index) => {
    const what = `assignment ${index + 1} (${assignment.role} for ${assignment.email})`;
    if (assignment.role !== 'admin' && !byCode.has(assignment.unitCode)) {
      problems.push(`${what}: unit ${assignment.unitCode} is not in the snapshot`);
    }
    const { email, institutionalId } = assignment;
    if (!institutionalId) return;
    const known = idOfEmail.get(email);
    if (known !== undefined && known !== institutionalId) {
      problems.push(`${what}: ${email} also appears with institutional id ${known}`);
    } else {
      idOfEmail.set(email, institutionalId);
    }
    const other = emailOfId.get(institutionalId);
    if (other !== undefined && other !== email) {
      problems.push(`${what}: institutional id ${institutionalId} also appears for ${other}`);
    } else {
      emailOfId.set(institutionalId, email);
    }
  });
  return problems;
}

/** The people the snapshot names, once each by e-mail, with the first name and id given. */
function peopleOf(snapshot: RegistrySnapshot): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const { email, institutionalId, displayName } of snapshot.assignments) {
    const person = people.get(email) ?? { email };
    person.institutionalId ??= institutionalId;
    person.displayName ??= displayName;
    people.set(email, person);
  }
  return people;
}

/** Rows as one text parameter, expanded in SQL by `jsonb_to_recordset`: no parameter limit. */
const jsonParam = (value: unknown) => sql`${JSON.stringify(value)}::text::jsonb`;

type UnitRow = {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
  level: number;
  parentId: string | null;
  type: UnitType;
  active: boolean;
};

const sameUnit = (a: UnitRow, b: UnitRow) =>
  a.nameEn === b.nameEn &&
  a.nameFr === b.nameFr &&
  a.level === b.level &&
  a.parentId === b.parentId &&
  a.type === b.type &&
  a.active === b.active;

const assignmentKey = (a: { userId: string; role: Role; unitId: string | null }) =>
  `${a.userId} ${a.role} ${a.unitId ?? ''}`;

/**
 * Makes the database say what the registry says, in one transaction (serialised with other
 * syncs by an advisory lock), with a bounded number of statements whatever the snapshot's size:
 *
 * - units are upserted by code, level by level so a parent is in place (and at its new level)
 *   before its children are inserted or moved under it; units the snapshot leaves out are
 *   deactivated, never deleted;
 * - people are found by institutional id, then by e-mail (a user found by e-mail without an
 *   institutional id is given the registry's); missing ones are created. Existing users' names,
 *   e-mails and `active` flags are left alone (sign-in and the app maintain them);
 * - the `registry-sync` role assignments become exactly the snapshot's; rows of other sources
 *   (`oidc`, `app`, `csv`) are never touched.
 *
 * A snapshot with problems ({@link findSnapshotProblems}, or a person whose e-mail belongs to a
 * user with another institutional id) is rejected whole with a {@link RegistrySnapshotError}.
 * One `registry.synced` audit row, with the counts, commits with the changes.
 */
export async function syncRegistry(
  db: Database,
  snapshot: RegistrySnapshot,
  options: SyncOptions,
): Promise<SyncReport> {
  const problems = findSnapshotProblems(snapshot);
  if (problems.length) throw new RegistrySnapshotError(problems);

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REGISTRY_SYNC_LOCK_KEY})`);

    // People first: resolving them may reject the snapshot, before anything is written.
    const people = peopleOf(snapshot);
    const emails = [...people.keys()];
    const institutionalIds = [...people.values()].flatMap((p) => p.institutionalId ?? []);
    const candidates = people.size
      ? await tx
          .select({ id: users.id, email: users.email, institutionalId: users.institutionalId })
          .from(users)
          .where(
            or(
              sql`${users.email} in (select jsonb_array_elements_text(${jsonParam(emails)}))`,
              sql`${users.institutionalId} in (select jsonb_array_elements_text(${jsonParam(institutionalIds)}))`,
            ),
          )
      : [];
    const byEmail = new Map(candidates.map((u) => [u.email, u]));
    const byInstitutionalId = new Map(
      candidates.flatMap((u) => (u.institutionalId ? [[u.institutionalId, u] as const] : [])),
    );
    const userIdOf = new Map<string, string>(); // e-mail → user id
    const claimedBy = new Map<string, string>(); // user id → e-mail in the snapshot
    const created: {
      id: string;
      email: string;
      institutional_id: string | null;
      display_name: string;
    }[] = [];
    const linked: { id: string; institutional_id: string }[] = [];
    for (const person of people.values()) {
      const found =
        (person.institutionalId && byInstitutionalId.get(person.institutionalId)) ||
        byEmail.get(person.email);
      if (!found) {
        const id = randomUUID();
        created.push({
          id,
          email: person.email,
          institutional_id: person.institutionalId ?? null,
          display_name: person.displayName ?? person.email,
        });
        userIdOf.set(person.email, id);
        continue;
      }
      if (
        person.institutionalId &&
        found.institutionalId &&
        found.institutionalId !== person.institutionalId
      ) {
        problems.push(
          `${person.email} has institutional id ${person.institutionalId} in the registry but ${found.institutionalId} in the database`,
        );
        continue;
      }
      const other = claimedBy.get(found.id);
      if (other !== undefined) {
        problems.push(
          `${other} and ${person.email} are the same user in the database (${found.email})`,
        );
        continue;
      }
      claimedBy.set(found.id, person.email);
      if (person.institutionalId && !found.institutionalId) {
        linked.push({ id: found.id, institutional_id: person.institutionalId });
      }
      userIdOf.set(person.email, found.id);
    }
    if (problems.length) throw new RegistrySnapshotError(problems);

    if (created.length) {
      await tx.execute(sql`
        insert into users (id, email, institutional_id, display_name)
        select r.id, r.email, r.institutional_id, r.display_name
          from jsonb_to_recordset(${jsonParam(created)})
            as r(id uuid, email text, institutional_id text, display_name text)`);
    }
    if (linked.length) {
      await tx.execute(sql`
        update users u set institutional_id = r.institutional_id, updated_at = now()
          from jsonb_to_recordset(${jsonParam(linked)}) as r(id uuid, institutional_id text)
         where u.id = r.id`);
    }

    // Units.
    const existing: UnitRow[] = await tx.select(unitColumns).from(units).for('update');
    const existingByCode = new Map(existing.map((u) => [u.code, u]));
    const unitIdOf = new Map(existing.map((u) => [u.code, u.id]));
    for (const unit of snapshot.units) {
      if (!unitIdOf.has(unit.code)) unitIdOf.set(unit.code, randomUUID());
    }
    const toInsert: UnitRow[][] = [[], [], [], [], []]; // by level
    const toUpdate: UnitRow[][] = [[], [], [], [], []];
    for (const unit of snapshot.units) {
      const row: UnitRow = {
        id: unitIdOf.get(unit.code)!,
        code: unit.code,
        nameEn: unit.nameEn,
        nameFr: unit.nameFr,
        level: unit.level,
        parentId: unit.parentCode === null ? null : unitIdOf.get(unit.parentCode)!,
        type: unit.type,
        active: unit.active,
      };
      const current = existingByCode.get(unit.code);
      if (!current) toInsert[unit.level]!.push(row);
      else if (!sameUnit(current, row)) toUpdate[unit.level]!.push(row);
    }
    // Level by level: the path trigger reads the parent's path and level, which must be final.
    for (let level = 1; level < toInsert.length; level++) {
      const inserts = toInsert[level]!;
      if (inserts.length) {
        await tx.execute(sql`
          insert into units (id, code, name_en, name_fr, level, parent_id, type, active)
          select r.id, r.code, r."nameEn", r."nameFr", r.level, r."parentId", r.type::unit_type, r.active
            from jsonb_to_recordset(${jsonParam(inserts)})
              as r(id uuid, code text, "nameEn" text, "nameFr" text, level smallint,
                   "parentId" uuid, type text, active boolean)`);
      }
      const updates = toUpdate[level]!;
      if (updates.length) {
        await tx.execute(sql`
          update units u
             set name_en = r."nameEn", name_fr = r."nameFr", level = r.level,
                 parent_id = r."parentId", type = r.type::unit_type, active = r.active,
                 updated_at = now()
            from jsonb_to_recordset(${jsonParam(updates)})
              as r(id uuid, "nameEn" text, "nameFr" text, level smallint, "parentId" uuid,
                   type text, active boolean)
           where u.id = r.id`);
      }
    }
    const listed = new Set(snapshot.units.map((u) => u.code));
    const deactivate = existing.filter((u) => u.active && !listed.has(u.code)).map((u) => u.id);
    if (deactivate.length) {
      await tx.execute(sql`
        update units set active = false, updated_at = now()
         where id in (select value::uuid from jsonb_array_elements_text(${jsonParam(deactivate)}))`);
    }

    // Role assignments of source registry-sync: exactly the snapshot's.
    const wanted = new Map<string, { userId: string; role: Role; unitId: string | null }>();
    for (const assignment of snapshot.assignments) {
      const row = {
        userId: userIdOf.get(assignment.email)!,
        role: assignment.role,
        unitId: assignment.role === 'admin' ? null : unitIdOf.get(assignment.unitCode)!,
      };
      wanted.set(assignmentKey(row), row);
    }
    const current = await tx
      .select({
        id: roleAssignments.id,
        userId: roleAssignments.userId,
        role: roleAssignments.role,
        unitId: roleAssignments.unitId,
      })
      .from(roleAssignments)
      .where(eq(roleAssignments.source, 'registry-sync'));
    const held = new Set(current.map(assignmentKey));
    const grant = [...wanted.entries()].filter(([key]) => !held.has(key)).map(([, row]) => row);
    const revoke = current.filter((row) => !wanted.has(assignmentKey(row))).map((row) => row.id);
    if (revoke.length) {
      await tx.execute(sql`
        delete from role_assignments
         where source = 'registry-sync'
           and id in (select value::uuid from jsonb_array_elements_text(${jsonParam(revoke)}))`);
    }
    if (grant.length) {
      await tx.execute(sql`
        insert into role_assignments (user_id, role, unit_id, source)
        select r."userId", r.role::role, r."unitId", 'registry-sync'
          from jsonb_to_recordset(${jsonParam(grant)}) as r("userId" uuid, role text, "unitId" uuid)`);
    }

    const report: SyncReport = {
      unitsCreated: toInsert.reduce((n, rows) => n + rows.length, 0),
      unitsUpdated: toUpdate.reduce((n, rows) => n + rows.length, 0),
      unitsDeactivated: deactivate.length,
      usersCreated: created.length,
      usersLinked: linked.length,
      assignmentsGranted: grant.length,
      assignmentsRevoked: revoke.length,
    };
    await recordAudit(tx, {
      action: 'registry.synced',
      outcome: 'success',
      actorId: options.actor.id ?? null,
      actorLabel: options.actor.label ?? 'registry-sync',
      requestId: options.requestId ?? null,
      details: report,
    });
    return report;
  });
}
