import type { Action } from './roles.js';

/**
 * How far a scoped permission reaches: `unit` — that unit; `subtree` — that unit and all its
 * descendants; `own` — within that unit, only the rows the caller created or travelled on.
 */
export const SCOPE_KINDS = ['unit', 'subtree', 'own'] as const;

export type ScopeKind = (typeof SCOPE_KINDS)[number];

export type PermissionScope = { kind: ScopeKind; unitId: string };

/**
 * Permission key → granted actions. A key is `<resource>` (global) or `<resource>/<kind>:<unitId>`,
 * e.g. `years`, `entries/unit:<id>`, `results/subtree:<id>`, `entries.professional-travel/own:<id>`.
 */
export type PermissionMap = Record<string, Action[]>;

/** What the checks accept: a computed map, or one received as JSON and never mutated. */
export type ReadonlyPermissionMap = Readonly<Record<string, readonly Action[]>>;

export type ParsedPermissionKey = { resource: string; scope?: PermissionScope };

const RESOURCE_NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/;
const SCOPE_KIND_SET: ReadonlySet<string> = new Set(SCOPE_KINDS);

function isScopeKind(value: string): value is ScopeKind {
  return SCOPE_KIND_SET.has(value);
}

export function formatPermissionKey(resource: string, scope?: PermissionScope): string {
  return scope ? `${resource}/${scope.kind}:${scope.unitId}` : resource;
}

/**
 * Reads a permission key. Returns `null` for anything outside the grammar, so a map received
 * from a newer server with keys this code does not understand is read without failing; such keys
 * simply grant nothing here.
 */
export function parsePermissionKey(key: string): ParsedPermissionKey | null {
  const slash = key.indexOf('/');
  const resource = slash === -1 ? key : key.slice(0, slash);
  if (!RESOURCE_NAME.test(resource)) return null;
  if (slash === -1) return { resource };

  const scope = key.slice(slash + 1);
  const colon = scope.indexOf(':');
  if (colon === -1) return null;
  const kind = scope.slice(0, colon);
  const unitId = scope.slice(colon + 1);
  if (!isScopeKind(kind) || unitId === '' || unitId.includes('/')) return null;
  return { resource, scope: { kind, unitId } };
}
