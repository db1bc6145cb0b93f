import type { Principal } from '../../platform/auth/principal.js';

/** What the web apps need to know about the caller: who, which roles, which permissions. */
export function sessionOf(principal: Principal) {
  return {
    user: { id: principal.userId, email: principal.email, displayName: principal.displayName },
    roles: principal.assignments.map((assignment) => ({
      role: assignment.role,
      scope:
        assignment.role === 'admin'
          ? 'global'
          : `${assignment.role === 'backoffice' ? 'subtree' : 'unit'}:${assignment.unitId}`,
    })),
    permissions: principal.permissions,
  };
}
