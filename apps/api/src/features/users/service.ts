import { type RoleAssignment, scopesOf } from '@co2-calculator/domain';
import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import { units } from '../units/table.js';
import type { User, UserListQuery } from './contract.js';
import { countActiveAdmins, selectUser, selectUserPage, type UserVisibility } from './queries.js';
import { assignmentKey, replaceAssignments } from './assignments.js';
import { users } from './table.js';

/** Admins see everyone; a principal sees the people holding a role in their units. */
function visibilityOf(principal: Principal): UserVisibility {
  const scopes = scopesOf(principal.permissions, 'view', 'users');
  return scopes.global
    ? { all: true }
    : { all: false, unitIds: [...scopes.units, ...scopes.subtrees] };
}

export async function listUsers(db: Database, principal: Principal, query: UserListQuery) {
  const { items, total } = await selectUserPage(db, query, visibilityOf(principal));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Database, principal: Principal, id: string): Promise<User> {
  const user = await selectUser(db, id, visibilityOf(principal));
  if (!user) throw notFound(`User ${id} does not exist.`);
  return user;
}

/**
 * Which app-granted roles the caller may grant or revoke: any (admin), or `standard` in the
 * units where they are principal (delegation).
 */
export function manages(principal: Principal): (assignment: RoleAssignment) => boolean {
  if (scopesOf(principal.permissions, 'edit', 'users').global) return () => true;
  const delegable = new Set(scopesOf(principal.permissions, 'edit', 'members').units);
  return (assignment) => assignment.role === 'standard' && delegable.has(assignment.unitId);
}

export interface RequestContext {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

/**
 * Sets the app-granted roles the caller manages for a user to `desired`: grants what is new,
 * revokes what is missing, leaves alone every role the caller does not manage and every role
 * from another source. All or nothing, audited with before and after.
 */
export async function setAppRoles(
  db: Database,
  changes: ChangeFeed,
  principal: Principal,
  userId: string,
  desired: RoleAssignment[],
  context: RequestContext,
): Promise<User> {
  const mayManage = manages(principal);
  const refused = desired.filter((assignment) => !mayManage(assignment));
  if (refused.length > 0) {
    await recordAudit(db, {
      action: 'roles.change_denied',
      outcome: 'denied',
      actorId: principal.userId,
      actorLabel: principal.email,
      targetType: 'user',
      targetId: userId,
      details: { refused },
      ...context,
    });
    throw new HttpProblem({
      status: 403,
      detail: `You may not grant ${refused.map(assignmentKey).join(', ')}.`,
    });
  }

  await db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!target) throw notFound(`User ${userId} does not exist.`);

    const unitIds = [...new Set(desired.flatMap((a) => (a.role === 'admin' ? [] : [a.unitId])))];
    if (unitIds.length > 0) {
      const known = await tx.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
      const missing = unitIds.filter((id) => !known.some((unit) => unit.id === id));
      if (missing.length > 0) {
        throw new HttpProblem({ status: 422, detail: `Unknown unit ${missing.join(', ')}.` });
      }
    }

    const change = await replaceAssignments(tx, {
      userId,
      source: 'app',
      desired,
      covers: mayManage,
      grantedBy: principal.userId,
    });
    if (change.granted.length === 0 && change.revoked.length === 0) return;
    if (change.revoked.some((a) => a.role === 'admin') && (await countActiveAdmins(tx)) === 0) {
      throw new HttpProblem({
        status: 409,
        detail: 'This would leave no active administrator. Grant admin to someone else first.',
      });
    }
    await recordAudit(tx, {
      action: 'roles.changed',
      outcome: 'success',
      actorId: principal.userId,
      actorLabel: principal.email,
      targetType: 'user',
      targetId: userId,
      before: change.before,
      after: desired,
      details: { granted: change.granted, revoked: change.revoked },
      ...context,
    });
  });
  changes.announce(['role_assignments']);
  // The caller may have granted a role that lets them see the user only now: read unscoped.
  const user = await selectUser(db, userId, { all: true });
  return user!;
}
