import type { RoleAssignment, RoleSource } from '@co2-calculator/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { roleAssignments } from './table.js';

/** One assignment as text, for comparing sets of them. */
export const assignmentKey = (assignment: RoleAssignment) =>
  assignment.role === 'admin' ? 'admin' : `${assignment.role}@${assignment.unitId}`;

export interface AssignmentChange {
  /** The assignments of that source the replacement covered, before it. */
  before: RoleAssignment[];
  granted: RoleAssignment[];
  revoked: RoleAssignment[];
}

/**
 * Makes a user's assignments of one source equal `desired`, as far as `covers` reaches: grants
 * what is missing, revokes what is no longer wanted, leaves every other row alone (other
 * sources, and those of this source the caller does not manage).
 */
export async function replaceAssignments(
  tx: Database,
  options: {
    userId: string;
    source: RoleSource;
    desired: RoleAssignment[];
    covers?: (assignment: RoleAssignment) => boolean;
    grantedBy?: string;
  },
): Promise<AssignmentChange> {
  const rows = await tx
    .select({ id: roleAssignments.id, role: roleAssignments.role, unitId: roleAssignments.unitId })
    .from(roleAssignments)
    .where(
      and(eq(roleAssignments.userId, options.userId), eq(roleAssignments.source, options.source)),
    );
  const current = rows.map((row) => ({
    id: row.id,
    assignment: (row.role === 'admin'
      ? { role: 'admin' }
      : { role: row.role, unitId: row.unitId! }) as RoleAssignment,
  }));
  const covered = current.filter((row) => options.covers?.(row.assignment) ?? true);
  const wanted = new Map(options.desired.map((a) => [assignmentKey(a), a]));
  const held = new Set(current.map((row) => assignmentKey(row.assignment)));
  const revoke = covered.filter((row) => !wanted.has(assignmentKey(row.assignment)));
  const granted = [...wanted.values()].filter((a) => !held.has(assignmentKey(a)));

  if (revoke.length > 0) {
    await tx.delete(roleAssignments).where(
      inArray(
        roleAssignments.id,
        revoke.map((row) => row.id),
      ),
    );
  }
  if (granted.length > 0) {
    await tx.insert(roleAssignments).values(
      granted.map((a) => ({
        userId: options.userId,
        role: a.role,
        unitId: a.role === 'admin' ? null : a.unitId,
        source: options.source,
        grantedBy: options.grantedBy,
      })),
    );
  }
  return {
    before: covered.map((row) => row.assignment),
    granted,
    revoked: revoke.map((row) => row.assignment),
  };
}
