import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  ACTIONS,
  ROLE_SOURCES,
  ROLES,
  UNIT_ROLES,
  roleAssignmentSchema,
  type RoleAssignment,
} from '../../src/index.js';
import { L } from './fixtures.js';

describe('role vocabulary', () => {
  it('lists the roles, actions and role sources in their fixed order', () => {
    expect(ROLES).toEqual(['standard', 'principal', 'backoffice', 'admin']);
    expect(UNIT_ROLES).toEqual(['standard', 'principal', 'backoffice']);
    expect(ACTIONS).toEqual(['view', 'edit', 'export', 'sync', 'validate']);
    expect(ROLE_SOURCES).toEqual(['oidc', 'registry-sync', 'csv', 'app']);
  });
});

describe('roleAssignmentSchema', () => {
  it('infers exactly the RoleAssignment type', () => {
    // Checked by `tsc` (the test project is type-checked); the runtime part is trivially true.
    expectTypeOf<z.infer<typeof roleAssignmentSchema>>().toEqualTypeOf<RoleAssignment>();
    expect(roleAssignmentSchema.safeParse({ role: 'admin' }).success).toBe(true);
  });

  it.each<RoleAssignment>([
    { role: 'admin' },
    { role: 'standard', unitId: L },
    { role: 'principal', unitId: L },
    { role: 'backoffice', unitId: L },
  ])('accepts %o unchanged', (assignment) => {
    expect(roleAssignmentSchema.parse(assignment)).toStrictEqual(assignment);
  });

  it.each([
    ['an admin with a unit', { role: 'admin', unitId: L }],
    ['a standard role without a unit', { role: 'standard' }],
    ['a principal role without a unit', { role: 'principal' }],
    ['a backoffice role without a unit', { role: 'backoffice' }],
    ['a null unit', { role: 'principal', unitId: null }],
    ['a unit id that is not a UUID', { role: 'principal', unitId: 'lab-42' }],
    ['an empty unit id', { role: 'standard', unitId: '' }],
    ['an unknown role', { role: 'owner', unitId: L }],
    ['a role in another case', { role: 'Admin' }],
    ['a missing role', { unitId: L }],
    ['an extra key on a unit role', { role: 'backoffice', unitId: L, source: 'csv' }],
    ['an extra key on admin', { role: 'admin', scope: 'all' }],
    ['a string', 'admin'],
    ['null', null],
    ['an array', [{ role: 'admin' }]],
  ])('rejects %s', (_label, value) => {
    expect(roleAssignmentSchema.safeParse(value).success).toBe(false);
  });
});
