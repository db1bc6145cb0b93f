import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RESOURCES,
  SCOPE_KINDS,
  can,
  canSomewhere,
  computePermissions,
  formatPermissionKey,
  isResource,
  isResourceWithin,
  parsePermissionKey,
  resourceWithGeneralisations,
  scopesOf,
  type ReadonlyPermissionMap,
} from '../../src/index.js';
import { F, G, I, L, L2, M, T, at } from './fixtures.js';

describe('resources', () => {
  it('knows the resource names and nothing else', () => {
    expect(RESOURCES).toHaveLength(15);
    expect(isResource('entries.professional-travel')).toBe(true);
    expect(isResource('entries.other')).toBe(false);
    expect(isResource('Entries')).toBe(false);
  });

  it('lists a resource and its more general resources, most specific first', () => {
    expect(resourceWithGeneralisations('entries.professional-travel')).toEqual([
      'entries.professional-travel',
      'entries',
    ]);
    expect(resourceWithGeneralisations('a.b.c')).toEqual(['a.b.c', 'a.b', 'a']);
    expect(resourceWithGeneralisations('years')).toEqual(['years']);
  });

  it('treats only a dot as the boundary of a specialisation', () => {
    expect(isResourceWithin('entries.external-cloud-ai', 'entries')).toBe(true);
    expect(isResourceWithin('entries', 'entries')).toBe(true);
    expect(isResourceWithin('entries', 'entries.external-cloud-ai')).toBe(false);
    expect(isResourceWithin('entries-archive', 'entries')).toBe(false);
  });
});

describe('parsePermissionKey', () => {
  it('reads a global key', () => {
    expect(parsePermissionKey('years')).toStrictEqual({ resource: 'years' });
    expect(parsePermissionKey('entries.external-cloud-ai')).toStrictEqual({
      resource: 'entries.external-cloud-ai',
    });
  });

  it.each(SCOPE_KINDS)('reads a %s-scoped key', (kind) => {
    expect(parsePermissionKey(`entries.professional-travel/${kind}:${L}`)).toStrictEqual({
      resource: 'entries.professional-travel',
      scope: { kind, unitId: L },
    });
  });

  it.each([
    '',
    'Entries',
    '/unit:X',
    'entries/',
    'entries/unit',
    'entries/unit:',
    'entries/team:X',
    'entries/unit:X/more',
    'entries..x',
    'entries.',
    '.entries',
    'entries /unit:X',
  ])('returns null for %j', (key) => {
    expect(parsePermissionKey(key)).toBeNull();
  });

  it('reads back what formatPermissionKey writes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RESOURCES),
        fc.option(fc.record({ kind: fc.constantFrom(...SCOPE_KINDS), unitId: fc.uuid() }), {
          nil: undefined,
        }),
        (resource, scope) => {
          const parsed = parsePermissionKey(formatPermissionKey(resource, scope));
          const expected = scope
            ? { resource, scope: { kind: scope.kind, unitId: scope.unitId } } // plain prototype
            : { resource };
          expect(parsed).toStrictEqual(expected);
        },
      ),
    );
  });
});

describe('can', () => {
  it('unit scope: that unit only, not its descendants or siblings', () => {
    const map = { [`entries/unit:${L}`]: ['view'], [`results/unit:${F}`]: ['view'] } as const;
    expect(can(map, 'view', 'entries', at(L))).toBe(true);
    expect(can(map, 'edit', 'entries', at(L))).toBe(false);
    expect(can(map, 'view', 'entries', at(L2))).toBe(false);
    expect(can(map, 'view', 'results', at(F))).toBe(true);
    expect(can(map, 'view', 'results', at(L))).toBe(false);
  });

  it('subtree scope: the unit and everything below it, through unitPath', () => {
    const map = { [`results/subtree:${F}`]: ['view', 'export'] } as const;
    expect(can(map, 'export', 'results', at(F))).toBe(true);
    expect(can(map, 'export', 'results', at(T))).toBe(true);
    expect(can(map, 'export', 'results', at(L))).toBe(true);
    expect(can(map, 'export', 'results', at(L2))).toBe(true);
    expect(can(map, 'export', 'results', at(I))).toBe(false);
    expect(can(map, 'export', 'results', at(G))).toBe(false);
    expect(can(map, 'export', 'results', at(M))).toBe(false);
    expect(can(map, 'edit', 'results', at(L))).toBe(false);
  });

  it('subtree scope: decided by the path given, and the unit itself always counts', () => {
    const map = { [`results/subtree:${F}`]: ['view'] } as const;
    expect(can(map, 'view', 'results', { unitId: L, unitPath: [L] })).toBe(false);
    expect(can(map, 'view', 'results', { unitId: F, unitPath: [] })).toBe(true);
  });

  it('own scope: only with ownedByCaller, only on that unit', () => {
    const map = { [`entries.professional-travel/own:${L}`]: ['view', 'edit'] } as const;
    expect(can(map, 'edit', 'entries.professional-travel', at(L, true))).toBe(true);
    expect(can(map, 'edit', 'entries.professional-travel', at(L, false))).toBe(false);
    expect(can(map, 'edit', 'entries.professional-travel', at(L))).toBe(false);
    expect(can(map, 'edit', 'entries.professional-travel', at(L2, true))).toBe(false);
    expect(can(map, 'edit', 'entries.professional-travel')).toBe(false);
  });

  it('own scope is not inherited down the tree', () => {
    const map = { [`entries/own:${F}`]: ['view'] } as const;
    expect(can(map, 'view', 'entries', at(F, true))).toBe(true);
    expect(can(map, 'view', 'entries', at(L, true))).toBe(false);
  });

  it('a grant on the general resource covers its specialisations', () => {
    const map = { [`entries/unit:${L}`]: ['edit'], entries: ['view'] } as const;
    expect(can(map, 'edit', 'entries.professional-travel', at(L))).toBe(true);
    expect(can(map, 'edit', 'entries.external-cloud-ai', at(L))).toBe(true);
    expect(can(map, 'view', 'entries.external-cloud-ai')).toBe(true);
    expect(can(map, 'edit', 'entries.external-cloud-ai', at(M))).toBe(false);
  });

  it('a grant on a specialisation covers neither the general resource nor a sibling', () => {
    const map = {
      [`entries.professional-travel/unit:${L}`]: ['edit'],
      'entries.professional-travel': ['view'],
    } as const;
    expect(can(map, 'edit', 'entries.professional-travel', at(L))).toBe(true);
    expect(can(map, 'edit', 'entries', at(L))).toBe(false);
    expect(can(map, 'edit', 'entries.external-cloud-ai', at(L))).toBe(false);
    expect(can(map, 'view', 'entries')).toBe(false);
    expect(can(map, 'view', 'entries.external-cloud-ai')).toBe(false);
  });

  it('without a target only global keys count', () => {
    const scoped = {
      [`units/unit:${I}`]: ['view'],
      [`units/subtree:${I}`]: ['view'],
      [`units/own:${I}`]: ['view'],
    } as const;
    expect(can(scoped, 'view', 'units')).toBe(false);
    expect(can(scoped, 'view', 'units', at(I, true))).toBe(true);
    expect(can({ units: ['view'] }, 'view', 'units')).toBe(true);
  });

  it('a global key grants on every target', () => {
    const map = { results: ['view'] } as const;
    for (const unitId of [I, F, L, M]) expect(can(map, 'view', 'results', at(unitId))).toBe(true);
    expect(can(map, 'view', 'reporting', at(L))).toBe(false);
  });

  it('grants nothing from an empty map or from keys it cannot read', () => {
    expect(can({}, 'view', 'units', at(L, true))).toBe(false);
    const odd = { [`units/team:${L}`]: ['view'], [`units/unit:${L}/x`]: ['view'] } as const;
    expect(can(odd, 'view', 'units', at(L, true))).toBe(false);
  });

  it('answers the examples of docs/permissions.md', () => {
    const principal = computePermissions([{ role: 'principal', unitId: L }]);
    const standard = computePermissions([{ role: 'standard', unitId: L }]);
    const backoffice = computePermissions([{ role: 'backoffice', unitId: F }]);
    const admin = computePermissions([{ role: 'admin' }]);
    const both = computePermissions([{ role: 'admin' }, { role: 'principal', unitId: L }]);
    expect(can(principal, 'edit', 'entries', at(L))).toBe(true);
    expect(can(principal, 'edit', 'entries.professional-travel', at(L))).toBe(true);
    expect(can(principal, 'edit', 'entries')).toBe(false);
    expect(can(standard, 'edit', 'entries.professional-travel', at(L, true))).toBe(true);
    expect(can(standard, 'edit', 'entries.professional-travel', at(L, false))).toBe(false);
    expect(can(standard, 'view', 'entries', at(L, true))).toBe(false);
    expect(can(backoffice, 'view', 'results', at(L))).toBe(true);
    expect(can(backoffice, 'view', 'results', at(M))).toBe(false);
    expect(can(admin, 'view', 'entries.external-cloud-ai')).toBe(true);
    expect(can(admin, 'edit', 'entries', at(L))).toBe(false);
    expect(can(both, 'edit', 'entries', at(L))).toBe(true);
    expect(can(both, 'edit', 'entries', at(M))).toBe(false);
  });
});

describe('canSomewhere', () => {
  const standard = computePermissions([{ role: 'standard', unitId: L }]);
  const principal = computePermissions([{ role: 'principal', unitId: L }]);
  const backoffice = computePermissions([{ role: 'backoffice', unitId: F }]);

  it('counts a specialisation for the general resource', () => {
    expect(canSomewhere(standard, 'edit', 'entries')).toBe(true);
    expect(canSomewhere(standard, 'export', 'entries')).toBe(false);
  });

  it('counts the general resource for a specialisation', () => {
    expect(canSomewhere(principal, 'edit', 'entries.professional-travel')).toBe(true);
    expect(canSomewhere(principal, 'export', 'entries.external-cloud-ai')).toBe(true);
    expect(canSomewhere(principal, 'sync', 'entries.external-cloud-ai')).toBe(false);
  });

  it('does not count a sibling specialisation or a name that merely starts alike', () => {
    const map = {
      [`entries.professional-travel/own:${L}`]: ['edit'],
      [`entries-archive/unit:${L}`]: ['view'],
    } as const;
    expect(canSomewhere(map, 'edit', 'entries.external-cloud-ai')).toBe(false);
    expect(canSomewhere(map, 'view', 'entries')).toBe(false);
  });

  it('finds grants in every scope kind and globally', () => {
    expect(canSomewhere(backoffice, 'export', 'reporting')).toBe(true);
    expect(canSomewhere(backoffice, 'view', 'factors')).toBe(true);
    expect(canSomewhere(principal, 'validate', 'modules')).toBe(true);
    expect(canSomewhere({ [`units/own:${L}`]: ['view'] }, 'view', 'units')).toBe(true);
  });

  it('is false for what no key grants', () => {
    expect(canSomewhere(backoffice, 'edit', 'reporting')).toBe(false);
    expect(canSomewhere(standard, 'validate', 'modules')).toBe(false);
    expect(canSomewhere(principal, 'view', 'audit')).toBe(false);
    expect(canSomewhere({}, 'view', 'years')).toBe(false);
    expect(canSomewhere({ [`entries/bogus:${L}`]: ['view'] }, 'view', 'entries')).toBe(false);
  });

  it('is true whenever can is true for some target', () => {
    const map = computePermissions([
      { role: 'standard', unitId: M },
      { role: 'backoffice', unitId: F },
    ]);
    for (const resource of RESOURCES) {
      for (const unitId of [I, F, T, L, L2, G, M]) {
        if (can(map, 'view', resource, at(unitId, true))) {
          expect(canSomewhere(map, 'view', resource)).toBe(true);
        }
      }
    }
    expect(canSomewhere(map, 'view', 'members')).toBe(false);
  });
});

describe('scopesOf', () => {
  const none = { global: false, units: [], subtrees: [], own: [] };

  it('lists units and subtrees of a backoffice member who is also a lab principal', () => {
    const map = computePermissions([
      { role: 'backoffice', unitId: F },
      { role: 'principal', unitId: L },
    ]);
    expect(scopesOf(map, 'view', 'results')).toStrictEqual({
      global: false,
      units: [L],
      subtrees: [F],
      own: [],
    });
    expect(scopesOf(map, 'edit', 'modules')).toStrictEqual({ ...none, units: [L] });
    expect(scopesOf(map, 'view', 'factors')).toStrictEqual({ ...none, global: true });
    expect(scopesOf(map, 'edit', 'reporting')).toStrictEqual(none);
  });

  it('reports a global grant alongside the unit ones', () => {
    const map = computePermissions([{ role: 'admin' }, { role: 'principal', unitId: L }]);
    expect(scopesOf(map, 'view', 'entries')).toStrictEqual({ ...none, global: true, units: [L] });
    expect(scopesOf(map, 'edit', 'entries')).toStrictEqual({ ...none, units: [L] });
  });

  it('sorts and de-duplicates unit ids', () => {
    const map = computePermissions([
      { role: 'standard', unitId: M },
      { role: 'standard', unitId: L },
      { role: 'standard', unitId: M },
    ]);
    expect(scopesOf(map, 'edit', 'entries.professional-travel')).toStrictEqual({
      ...none,
      own: [L, M].sort(),
    });
    const twice = {
      [`entries/unit:${M}`]: ['view'],
      [`entries.professional-travel/unit:${M}`]: ['view'],
      [`entries.professional-travel/unit:${L}`]: ['view'],
    } as const;
    expect(scopesOf(twice, 'view', 'entries.professional-travel').units).toEqual([L, M].sort());
  });

  it('includes more general resources but not specialisations', () => {
    const standard = computePermissions([{ role: 'standard', unitId: L }]);
    expect(scopesOf(standard, 'view', 'entries')).toStrictEqual(none);
    expect(scopesOf(standard, 'view', 'entries.external-cloud-ai')).toStrictEqual({
      ...none,
      own: [L],
    });
    const principal = computePermissions([{ role: 'principal', unitId: L }]);
    expect(scopesOf(principal, 'edit', 'entries.professional-travel')).toStrictEqual({
      ...none,
      units: [L],
    });
  });

  it('ignores other resources, other actions and unreadable keys', () => {
    const map: ReadonlyPermissionMap = {
      [`results/unit:${L}`]: ['view'],
      [`reporting/subtree:${F}`]: ['export'],
      [`reporting/zone:${G}`]: ['view'],
      reporting: ['export'],
    };
    expect(scopesOf(map, 'view', 'reporting')).toStrictEqual(none);
    expect(scopesOf({}, 'view', 'years')).toStrictEqual(none);
  });

  it('agrees with can on every unit of the tree', () => {
    const map = computePermissions([
      { role: 'backoffice', unitId: G },
      { role: 'principal', unitId: L2 },
      { role: 'standard', unitId: T },
    ]);
    for (const resource of RESOURCES) {
      const scopes = scopesOf(map, 'view', resource);
      for (const unitId of [I, F, T, L, L2, G, M]) {
        const target = at(unitId, true);
        const expected =
          scopes.global ||
          scopes.units.includes(unitId) ||
          scopes.own.includes(unitId) ||
          target.unitPath.some((id) => scopes.subtrees.includes(id));
        expect(can(map, 'view', resource, target)).toBe(expected);
      }
    }
  });
});
