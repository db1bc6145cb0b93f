// A user's roles as the API returns them (`{ role, unitId, source }`) and as PUT /users/{id}/roles
// takes them: the complete list of app-granted assignments. Roles from the identity provider,
// the registry or a CSV import are never sent: the API leaves them alone, and so does the UI.
import type { RoleAssignment } from '@co2-calculator/domain';
import type { UserRole } from '../../shared/api/types';

export const ROLE_ORDER: readonly UserRole['role'][] = [
  'admin',
  'backoffice',
  'principal',
  'standard',
];

/** Only roles the app granted can be changed here. */
export const isAppRole = (role: UserRole) => role.source === 'app';

export function assignmentOf(role: Pick<UserRole, 'role' | 'unitId'>): RoleAssignment {
  return role.role === 'admin' ? { role: 'admin' } : { role: role.role, unitId: role.unitId! };
}

/** The same role in the same place (whatever its source). */
export const sameAssignment = (
  a: Pick<UserRole, 'role' | 'unitId'>,
  b: Pick<UserRole, 'role' | 'unitId'>,
) => a.role === b.role && (a.role === 'admin' || a.unitId === b.unitId);

/** The body of PUT /users/{id}/roles that adds `added` to the app-granted roles. */
export function withRole(roles: readonly UserRole[], added: RoleAssignment): RoleAssignment[] {
  return [...roles.filter(isAppRole).map(assignmentOf), added];
}

/** The body of PUT /users/{id}/roles that removes one app-granted role. */
export function withoutRole(roles: readonly UserRole[], removed: UserRole): RoleAssignment[] {
  return roles
    .filter((role) => isAppRole(role) && !sameAssignment(role, removed))
    .map(assignmentOf);
}

/** Admin first, then by role and unit: the order the dialog lists them in. */
export function sortedRoles(roles: readonly UserRole[]): UserRole[] {
  return [...roles].sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      (a.unitId ?? '').localeCompare(b.unitId ?? '') ||
      a.source.localeCompare(b.source),
  );
}
