import { z } from 'zod';

/** Roles a person can hold. Web apps never check these: they check permissions. */
export const ROLES = ['standard', 'principal', 'backoffice', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** Roles bound to a unit (`standard`, `principal`) or to the subtree rooted at one (`backoffice`). */
export const UNIT_ROLES = ['standard', 'principal', 'backoffice'] as const;

export type UnitRole = (typeof UNIT_ROLES)[number];

/** What can be done to a resource; permission maps list actions in this order. */
export const ACTIONS = ['view', 'edit', 'export', 'sync', 'validate'] as const;

export type Action = (typeof ACTIONS)[number];

/** Where a role assignment comes from (identity provider, registry sync, CSV import, the app). */
export const ROLE_SOURCES = ['oidc', 'registry-sync', 'csv', 'app'] as const;

export type RoleSource = (typeof ROLE_SOURCES)[number];

/**
 * One role held by one person. `admin` is global; `standard` and `principal` apply to the unit
 * `unitId`; `backoffice` to the subtree rooted at `unitId`.
 */
export type RoleAssignment = { role: 'admin' } | { role: UnitRole; unitId: string };

/**
 * Validates exactly a {@link RoleAssignment}: `admin` carries no `unitId`, every other role
 * carries a UUID `unitId`, and no other key is accepted.
 */
export const roleAssignmentSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('admin') }),
  z.strictObject({ role: z.enum(UNIT_ROLES), unitId: z.uuid() }),
]);
