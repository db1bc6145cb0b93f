import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { totalOf, windowTotal } from '../../platform/db/paging.js';
import { escapeLike, offsetOf, parseSort } from '../../platform/http/list.js';
import type { User, UserListQuery } from './contract.js';
import { roleAssignments, users } from './table.js';

const sortColumns = {
  email: users.email,
  displayName: users.displayName,
  lastLoginAt: users.lastLoginAt,
};

/** Which users a caller may see: all, or those holding a role in one of these units. */
export type UserVisibility = { all: true } | { all: false; unitIds: string[] };

function holdsRole(condition: SQL): SQL {
  return sql`exists (select 1 from ${roleAssignments}
    where ${roleAssignments.userId} = ${users.id} and ${condition})`;
}

function holdsRoleIn(unitIds: string[], role?: UserListQuery['role']): SQL {
  if (unitIds.length === 0) return sql`false`;
  return holdsRole(
    and(
      inArray(roleAssignments.unitId, unitIds),
      role ? eq(roleAssignments.role, role) : undefined,
    )!,
  );
}

function filtersOf(query: UserListQuery, visibility: UserVisibility): SQL | undefined {
  return and(
    visibility.all ? undefined : holdsRoleIn(visibility.unitIds),
    query.unitId === undefined ? undefined : holdsRoleIn([query.unitId], query.role),
    query.role === undefined || query.unitId !== undefined
      ? undefined
      : holdsRole(eq(roleAssignments.role, query.role)),
    query.q === undefined
      ? undefined
      : sql`(${users.email} || ' ' || lower(${users.displayName})) like '%' || lower(${escapeLike(query.q)}) || '%'`,
  );
}

async function withRoles(db: Database, rows: (typeof users.$inferSelect)[]): Promise<User[]> {
  const ids = rows.map((row) => row.id);
  const roles = ids.length
    ? await db
        .select({
          userId: roleAssignments.userId,
          role: roleAssignments.role,
          unitId: roleAssignments.unitId,
          source: roleAssignments.source,
        })
        .from(roleAssignments)
        .where(inArray(roleAssignments.userId, ids))
        .orderBy(
          asc(roleAssignments.role),
          asc(roleAssignments.unitId),
          asc(roleAssignments.source),
        )
    : [];
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    institutionalId: row.institutionalId,
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    roles: roles
      .filter((role) => role.userId === row.id)
      .map(({ role, unitId, source }) => ({ role, unitId, source })),
  }));
}

export async function selectUserPage(
  db: Database,
  query: UserListQuery,
  visibility: UserVisibility,
) {
  const where = filtersOf(query, visibility);
  const sort = parseSort(query.sort);
  const column = sortColumns[sort.field];
  const rows = await db
    .select({ user: users, total: windowTotal() })
    .from(users)
    .where(where)
    .orderBy(sort.descending ? sql`${column} desc nulls last` : asc(column), asc(users.email))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  const total = await totalOf(db, rows, query.page, users, where);
  return {
    items: await withRoles(
      db,
      rows.map((row) => row.user),
    ),
    total,
  };
}

export async function selectUser(db: Database, id: string, visibility: UserVisibility) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), visibility.all ? undefined : holdsRoleIn(visibility.unitIds)));
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export async function countActiveAdmins(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${users.id})`.mapWith(Number) })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.active, true), eq(roleAssignments.role, 'admin')));
  return row?.n ?? 0;
}
