import { can, type RoleAssignment } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { canOnUnit } from '../units/access.js';
import type { User } from './contract.js';
import { selectUser } from './queries.js';
import { manages, type RequestContext, setAppRoles } from './service.js';
import { users } from './table.js';

/**
 * Delegation by e-mail: a principal gives a colleague `standard` in their unit. A principal
 * sees only the people who already hold a role in their units, so the colleague is named by
 * their exact e-mail address (no search: nobody else's account is revealed). The account must
 * exist, i.e. the person signed in once.
 */
export async function addMember(
  db: Database,
  changes: ChangeFeed,
  principal: Principal,
  unitId: string,
  email: string,
  context: RequestContext,
): Promise<User> {
  const mayAdd =
    can(principal.permissions, 'edit', 'users') ||
    (await canOnUnit(db, principal, unitId, 'edit', 'members'));
  if (!mayAdd) {
    throw new HttpProblem({ status: 403, detail: 'You may not add members to this unit.' });
  }
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  if (!account) {
    throw new HttpProblem({
      status: 404,
      detail: `No account uses ${email.trim()}: the person must sign in once before they can be added.`,
    });
  }
  const user = (await selectUser(db, account.id, { all: true }))!;
  if (user.roles.some((role) => role.unitId === unitId)) {
    throw new HttpProblem({
      status: 409,
      detail: `${user.displayName} already holds a role in this unit.`,
    });
  }
  // Every app role of this person the caller manages stays (setAppRoles replaces exactly
  // those); `standard` here is added.
  const kept = user.roles.flatMap((role): RoleAssignment[] => {
    if (role.source !== 'app') return [];
    if (role.role === 'admin') return [{ role: 'admin' }];
    return role.unitId ? [{ role: role.role, unitId: role.unitId }] : [];
  });
  return setAppRoles(
    db,
    changes,
    principal,
    account.id,
    [...kept.filter(manages(principal)), { role: 'standard', unitId }],
    context,
  );
}
