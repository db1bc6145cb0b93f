// Roles as the Team manager shows and changes them. Revoking goes through
// `PUT /users/{id}/roles`, whose body is the complete list of the app-granted roles the caller
// manages for that user: the list is built here with the same rule the API applies (any role
// for an administrator, else `standard` in the units whose members the caller manages), so
// that removing one role never drops another.
import { type RoleAssignment, scopesOf } from '@co2-calculator/domain';
import type { Session, SetRoles, User, UserRole } from '../../shared/api/types';

export type RoleName = UserRole['role'];
export type RoleSource = UserRole['source'];

/** The roles a user holds in one unit. */
export function rolesIn(user: User, unitId: string): UserRole[] {
  return user.roles.filter((role) => role.unitId === unitId);
}

/** A role the Team manager can take back: delegated in the app, `standard`, in this unit. */
export function isDelegated(role: UserRole, unitId: string): boolean {
  return role.source === 'app' && role.role === 'standard' && role.unitId === unitId;
}

function assignmentOf(role: UserRole): RoleAssignment {
  return role.role === 'admin' || role.unitId === null
    ? { role: 'admin' }
    : { role: role.role, unitId: role.unitId };
}

function managesRole(permissions: Session['permissions']): (role: UserRole) => boolean {
  if (scopesOf(permissions, 'edit', 'users').global) return () => true;
  const delegable = new Set(scopesOf(permissions, 'edit', 'members').units);
  return (role) => role.role === 'standard' && role.unitId !== null && delegable.has(role.unitId);
}

/** The body of `PUT /users/{id}/roles` that revokes `standard` in `unitId` and nothing else. */
export function rolesAfterRevoking(
  user: User,
  unitId: string,
  permissions: Session['permissions'],
): SetRoles {
  const manages = managesRole(permissions);
  return {
    roles: user.roles
      .filter((role) => role.source === 'app' && manages(role) && !isDelegated(role, unitId))
      .map(assignmentOf),
  };
}
