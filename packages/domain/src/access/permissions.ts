import { formatPermissionKey, type PermissionMap, type ScopeKind } from './keys.js';
import type { Resource } from './resources.js';
import { ACTIONS, type Action, type RoleAssignment, type UnitRole } from './roles.js';

/** `global` grants give the key `<resource>`; the others `<resource>/<scope>:<assignment unit>`. */
export type GrantScope = 'global' | ScopeKind;

export type Grant = {
  readonly resource: Resource;
  readonly scope: GrantScope;
  readonly actions: readonly Action[];
};

export type RoleGrantTable = {
  /** `admin` is held without a unit, so it can only grant global keys. */
  readonly admin: readonly (Grant & { readonly scope: 'global' })[];
} & { readonly [R in UnitRole]: readonly Grant[] };

/**
 * What each role grants — the one source of truth, reproduced in docs/permissions.md (a test
 * keeps the two equal). For a unit role, the scope applies to the assignment's unit U.
 */
export const ROLE_GRANTS: RoleGrantTable = {
  standard: [
    { resource: 'units', scope: 'unit', actions: ['view'] },
    { resource: 'years', scope: 'global', actions: ['view'] },
    { resource: 'entries.professional-travel', scope: 'own', actions: ['view', 'edit'] },
    { resource: 'entries.external-cloud-ai', scope: 'own', actions: ['view', 'edit'] },
    { resource: 'modules', scope: 'unit', actions: ['view'] },
    { resource: 'results', scope: 'unit', actions: ['view'] },
  ],
  principal: [
    { resource: 'units', scope: 'unit', actions: ['view'] },
    { resource: 'years', scope: 'global', actions: ['view'] },
    { resource: 'entries', scope: 'unit', actions: ['view', 'edit', 'export'] },
    { resource: 'modules', scope: 'unit', actions: ['view', 'edit', 'validate'] },
    { resource: 'results', scope: 'unit', actions: ['view', 'export'] },
    { resource: 'imports', scope: 'unit', actions: ['view', 'edit'] },
    { resource: 'jobs', scope: 'unit', actions: ['view', 'edit'] },
    { resource: 'members', scope: 'unit', actions: ['view', 'edit'] },
    { resource: 'users', scope: 'unit', actions: ['view'] },
  ],
  backoffice: [
    { resource: 'units', scope: 'subtree', actions: ['view'] },
    { resource: 'years', scope: 'global', actions: ['view'] },
    { resource: 'reporting', scope: 'subtree', actions: ['view', 'export'] },
    { resource: 'results', scope: 'subtree', actions: ['view', 'export'] },
    { resource: 'modules', scope: 'subtree', actions: ['view'] },
    { resource: 'jobs', scope: 'subtree', actions: ['view'] },
    { resource: 'factors', scope: 'global', actions: ['view'] },
  ],
  // No edit on entries and no validate: an admin changes a unit's data only as its principal.
  admin: [
    { resource: 'units', scope: 'global', actions: ['view', 'sync'] },
    { resource: 'years', scope: 'global', actions: ['view', 'edit'] },
    { resource: 'factors', scope: 'global', actions: ['view', 'edit', 'sync'] },
    { resource: 'imports', scope: 'global', actions: ['view', 'edit', 'sync'] },
    { resource: 'jobs', scope: 'global', actions: ['view', 'edit'] },
    { resource: 'users', scope: 'global', actions: ['view', 'edit'] },
    { resource: 'reporting', scope: 'global', actions: ['view', 'export'] },
    { resource: 'results', scope: 'global', actions: ['view', 'export'] },
    { resource: 'modules', scope: 'global', actions: ['view'] },
    { resource: 'entries', scope: 'global', actions: ['view', 'export'] },
    { resource: 'audit', scope: 'global', actions: ['view', 'export'] },
    { resource: 'system', scope: 'global', actions: ['view'] },
  ],
};

function grantKey(grant: Grant, assignment: RoleAssignment): string {
  if (grant.scope === 'global') return formatPermissionKey(grant.resource);
  if (assignment.role === 'admin') {
    // Unreachable through RoleGrantTable's types; kept for callers that bypass them.
    throw new Error(`admin grants must be global, got ${grant.scope} for ${grant.resource}`);
  }
  return formatPermissionKey(grant.resource, { kind: grant.scope, unitId: assignment.unitId });
}

/**
 * The permissions a person holds through their role assignments. Pure and canonical: keys are
 * sorted, each action list is de-duplicated and in {@link ACTIONS} order, and neither the order
 * of the assignments nor repeated assignments change the result.
 */
export function computePermissions(assignments: readonly RoleAssignment[]): PermissionMap {
  const granted = new Map<string, Set<Action>>();
  for (const assignment of assignments) {
    const grants: readonly Grant[] | undefined = ROLE_GRANTS[assignment.role];
    if (!grants) throw new Error(`Unknown role: ${String(assignment.role)}`);
    for (const grant of grants) {
      const key = grantKey(grant, assignment);
      let actions = granted.get(key);
      if (!actions) granted.set(key, (actions = new Set()));
      for (const action of grant.actions) actions.add(action);
    }
  }

  const map: PermissionMap = {};
  for (const key of [...granted.keys()].sort()) {
    const actions = granted.get(key);
    const ordered = ACTIONS.filter((action) => actions?.has(action));
    if (ordered.length > 0) map[key] = ordered;
  }
  return map;
}
