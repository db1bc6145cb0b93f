import { computePermissions, type RoleAssignment } from '@co2-calculator/domain';
import { eq } from 'drizzle-orm';
import type { AccessTokenClaims } from '../../platform/auth/access-tokens.js';
import type { PrincipalSource } from '../../platform/auth/guard.js';
import type { Principal } from '../../platform/auth/principal.js';
import { QueryCache } from '../../platform/cache/query-cache.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { units } from '../units/table.js';
import { roleAssignments, users } from '../users/table.js';

type Identity = Omit<Principal, 'sessionId'>;

async function selectIdentity(db: Database, userId: string): Promise<Identity | null> {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      active: users.active,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      unitPath: units.path,
    })
    .from(users)
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(users.id, userId));
  const first = rows[0];
  if (!first?.active) return null;

  const assignments: RoleAssignment[] = [];
  const unitPaths = new Map<string, string>();
  for (const row of rows) {
    if (!row.role) continue;
    if (row.role === 'admin') assignments.push({ role: 'admin' });
    else if (row.unitId) {
      assignments.push({ role: row.role, unitId: row.unitId });
      if (row.unitPath) unitPaths.set(row.unitId, row.unitPath);
    }
  }
  return {
    userId: first.userId,
    email: first.email,
    displayName: first.displayName,
    assignments,
    permissions: computePermissions(assignments),
    unitPaths,
  };
}

/**
 * Who the caller is and what they may do, computed from their role assignments at request
 * time. Cached per user until any process changes users, role assignments or units, so a
 * revoked role takes effect at once on every replica.
 */
export function principalLoader(db: Database, changes: ChangeFeed): PrincipalSource {
  // One entry per sign-in session, so the same principal object serves all of its requests
  // (and what is derived from it can be memoised on it).
  const cache = new QueryCache<{ principal: Principal | null }>(changes, {
    tables: ['users', 'role_assignments', 'units'],
    maxSize: 50_000,
  });
  const keyOf = (claims: AccessTokenClaims) => `${claims.sub}/${claims.sid}`;
  return {
    async load(claims) {
      const { principal } = await cache.get(keyOf(claims), async () => {
        const identity = await selectIdentity(db, claims.sub);
        return { principal: identity ? { ...identity, sessionId: claims.sid } : null };
      });
      return principal ?? undefined;
    },
    peek(claims) {
      return cache.peek(keyOf(claims))?.principal;
    },
  };
}
