import {
  formatPermissionKey,
  parsePermissionKey,
  type ReadonlyPermissionMap,
  type ScopeKind,
} from './keys.js';
import { isResourceWithin, resourceWithGeneralisations, type Resource } from './resources.js';
import type { Action } from './roles.js';

/** The record a permission is checked against. */
export type PermissionTarget = {
  /** The unit the record belongs to. */
  unitId: string;
  /** Unit ids from the root of the tree down to and including `unitId`. */
  unitPath: readonly string[];
  /** The caller created the record or is its traveller; required for `own:` grants. */
  ownedByCaller?: boolean;
};

/** Where an action on a resource is allowed; unit ids sorted and de-duplicated. */
export type PermissionScopes = {
  global: boolean;
  units: string[];
  subtrees: string[];
  own: string[];
};

function grants(map: ReadonlyPermissionMap, key: string, action: Action): boolean {
  return Object.hasOwn(map, key) && (map[key]?.includes(action) ?? false);
}

/**
 * May the holder of `map` do `action` on `resource` — on a record of `target`, or, without a
 * target, everywhere (only global keys count then)? A key of the resource or of any more general
 * resource grants it when it is global, `unit:<target.unitId>`, `subtree:<a>` for any `a` in
 * `target.unitPath` (or the unit itself), or `own:<target.unitId>` when `target.ownedByCaller`.
 */
export function can(
  map: ReadonlyPermissionMap,
  action: Action,
  resource: Resource,
  target?: PermissionTarget,
): boolean {
  for (const r of resourceWithGeneralisations(resource)) {
    if (grants(map, formatPermissionKey(r), action)) return true;
    if (!target) continue;
    const { unitId, unitPath, ownedByCaller } = target;
    if (grants(map, formatPermissionKey(r, { kind: 'unit', unitId }), action)) return true;
    for (const ancestor of [...unitPath, unitId]) {
      if (grants(map, formatPermissionKey(r, { kind: 'subtree', unitId: ancestor }), action)) {
        return true;
      }
    }
    if (ownedByCaller && grants(map, formatPermissionKey(r, { kind: 'own', unitId }), action)) {
      return true;
    }
  }
  return false;
}

/**
 * May the holder of `map` do `action` on `resource` anywhere at all, in any scope? Keys of more
 * general resources and of specialisations both count (`entries.professional-travel/own:X` for
 * `entries`, `entries/unit:X` for `entries.professional-travel`). For route guards, before the
 * query is scoped with {@link scopesOf}.
 */
export function canSomewhere(
  map: ReadonlyPermissionMap,
  action: Action,
  resource: Resource,
): boolean {
  for (const [key, actions] of Object.entries(map)) {
    if (!actions.includes(action)) continue;
    const parsed = parsePermissionKey(key);
    if (!parsed) continue;
    if (
      isResourceWithin(parsed.resource, resource) ||
      isResourceWithin(resource, parsed.resource)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Every scope in which `action` on `resource` is granted, through keys of the resource or of a
 * more general one (not of its specialisations: ask for each specialisation separately). For
 * building query filters on the server.
 */
export function scopesOf(
  map: ReadonlyPermissionMap,
  action: Action,
  resource: Resource,
): PermissionScopes {
  const relevant = new Set(resourceWithGeneralisations(resource));
  let global = false;
  const ids: Record<ScopeKind, Set<string>> = {
    unit: new Set(),
    subtree: new Set(),
    own: new Set(),
  };
  for (const [key, actions] of Object.entries(map)) {
    if (!actions.includes(action)) continue;
    const parsed = parsePermissionKey(key);
    if (!parsed || !relevant.has(parsed.resource)) continue;
    if (parsed.scope) ids[parsed.scope.kind].add(parsed.scope.unitId);
    else global = true;
  }
  return {
    global,
    units: [...ids.unit].sort(),
    subtrees: [...ids.subtree].sort(),
    own: [...ids.own].sort(),
  };
}
