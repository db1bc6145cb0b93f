import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  RESOURCES,
  can,
  computePermissions,
  type Action,
  type PermissionMap,
  type RoleAssignment,
} from '../../src/index.js';
import { F, G, L, L2, M, UNIT_IDS, at } from './fixtures.js';

/** Same content and the same key order (toStrictEqual alone ignores key order). */
function expectMap(actual: PermissionMap, expected: PermissionMap): void {
  expect(actual).toStrictEqual(expected);
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
}

function pairs(map: PermissionMap): string[] {
  return Object.entries(map).flatMap(([key, actions]) => actions.map((a) => `${key} ${a}`));
}

describe('computePermissions — each role alone', () => {
  it('grants nothing without assignments', () => {
    expectMap(computePermissions([]), {});
  });

  it('standard @L', () => {
    expectMap(computePermissions([{ role: 'standard', unitId: L }]), {
      [`entries.external-cloud-ai/own:${L}`]: ['view', 'edit'],
      [`entries.professional-travel/own:${L}`]: ['view', 'edit'],
      [`modules/unit:${L}`]: ['view'],
      [`results/unit:${L}`]: ['view'],
      [`units/unit:${L}`]: ['view'],
      years: ['view'],
    });
  });

  it('principal @L', () => {
    expectMap(computePermissions([{ role: 'principal', unitId: L }]), {
      [`entries/unit:${L}`]: ['view', 'edit', 'export'],
      [`imports/unit:${L}`]: ['view', 'edit'],
      [`jobs/unit:${L}`]: ['view', 'edit'],
      [`members/unit:${L}`]: ['view', 'edit'],
      [`modules/unit:${L}`]: ['view', 'edit', 'validate'],
      [`results/unit:${L}`]: ['view', 'export'],
      [`units/unit:${L}`]: ['view'],
      [`users/unit:${L}`]: ['view'],
      years: ['view'],
    });
  });

  it('backoffice @F', () => {
    expectMap(computePermissions([{ role: 'backoffice', unitId: F }]), {
      factors: ['view'],
      [`jobs/subtree:${F}`]: ['view'],
      [`modules/subtree:${F}`]: ['view'],
      [`reporting/subtree:${F}`]: ['view', 'export'],
      [`results/subtree:${F}`]: ['view', 'export'],
      [`units/subtree:${F}`]: ['view'],
      years: ['view'],
    });
  });

  it('admin', () => {
    expectMap(computePermissions([{ role: 'admin' }]), {
      audit: ['view', 'export'],
      entries: ['view', 'export'],
      factors: ['view', 'edit', 'sync'],
      imports: ['view', 'edit', 'sync'],
      jobs: ['view', 'edit'],
      modules: ['view'],
      reporting: ['view', 'export'],
      results: ['view', 'export'],
      system: ['view'],
      units: ['view', 'sync'],
      users: ['view', 'edit'],
      years: ['view', 'edit'],
    });
  });
});

describe('computePermissions — combinations', () => {
  it('principal of L + standard of M: each grant stays on its own unit', () => {
    const map = computePermissions([
      { role: 'principal', unitId: L },
      { role: 'standard', unitId: M },
    ]);
    expectMap(map, {
      [`entries.external-cloud-ai/own:${M}`]: ['view', 'edit'],
      [`entries.professional-travel/own:${M}`]: ['view', 'edit'],
      [`entries/unit:${L}`]: ['view', 'edit', 'export'],
      [`imports/unit:${L}`]: ['view', 'edit'],
      [`jobs/unit:${L}`]: ['view', 'edit'],
      [`members/unit:${L}`]: ['view', 'edit'],
      [`modules/unit:${L}`]: ['view', 'edit', 'validate'],
      [`modules/unit:${M}`]: ['view'],
      [`results/unit:${L}`]: ['view', 'export'],
      [`results/unit:${M}`]: ['view'],
      [`units/unit:${L}`]: ['view'],
      [`units/unit:${M}`]: ['view'],
      [`users/unit:${L}`]: ['view'],
      years: ['view'],
    });
    expect(can(map, 'edit', 'entries', at(M))).toBe(false);
    expect(can(map, 'edit', 'entries.professional-travel', at(M, true))).toBe(true);
    expect(can(map, 'edit', 'entries.professional-travel', at(L, false))).toBe(true);
  });

  it('backoffice of faculty F + principal of lab L in it', () => {
    const map = computePermissions([
      { role: 'backoffice', unitId: F },
      { role: 'principal', unitId: L },
    ]);
    expectMap(map, {
      [`entries/unit:${L}`]: ['view', 'edit', 'export'],
      factors: ['view'],
      [`imports/unit:${L}`]: ['view', 'edit'],
      [`jobs/subtree:${F}`]: ['view'],
      [`jobs/unit:${L}`]: ['view', 'edit'],
      [`members/unit:${L}`]: ['view', 'edit'],
      [`modules/subtree:${F}`]: ['view'],
      [`modules/unit:${L}`]: ['view', 'edit', 'validate'],
      [`reporting/subtree:${F}`]: ['view', 'export'],
      [`results/subtree:${F}`]: ['view', 'export'],
      [`results/unit:${L}`]: ['view', 'export'],
      [`units/subtree:${F}`]: ['view'],
      [`units/unit:${L}`]: ['view'],
      [`users/unit:${L}`]: ['view'],
      years: ['view'],
    });
    // Viewing spans the faculty; changing stays in the lab.
    expect(can(map, 'view', 'modules', at(L2))).toBe(true);
    expect(can(map, 'validate', 'modules', at(L2))).toBe(false);
    expect(can(map, 'validate', 'modules', at(L))).toBe(true);
    expect(can(map, 'view', 'results', at(M))).toBe(false);
  });

  it('admin + principal of L: entries edit and validate on L only', () => {
    const map = computePermissions([{ role: 'admin' }, { role: 'principal', unitId: L }]);
    expect(map['entries']).toEqual(['view', 'export']);
    expect(map[`entries/unit:${L}`]).toEqual(['view', 'edit', 'export']);
    expect(map['years']).toEqual(['view', 'edit']);
    expect(can(map, 'edit', 'entries', at(L))).toBe(true);
    expect(can(map, 'edit', 'entries.professional-travel', at(L))).toBe(true);
    expect(can(map, 'validate', 'modules', at(L))).toBe(true);
    for (const other of [L2, M, F]) {
      expect(can(map, 'edit', 'entries', at(other))).toBe(false);
      expect(can(map, 'validate', 'modules', at(other))).toBe(false);
      expect(can(map, 'view', 'entries', at(other))).toBe(true);
    }
  });

  it('merges the actions of one key granted by several roles, in ACTIONS order', () => {
    const map = computePermissions([
      { role: 'backoffice', unitId: G },
      { role: 'standard', unitId: M },
      { role: 'admin' },
    ]);
    expect(map['factors']).toEqual(['view', 'edit', 'sync']);
    expect(map['years']).toEqual(['view', 'edit']);
  });

  it('several roles on one unit keep every distinct grant', () => {
    const map = computePermissions([
      { role: 'standard', unitId: L },
      { role: 'principal', unitId: L },
      { role: 'backoffice', unitId: L },
    ]);
    expect(map[`units/unit:${L}`]).toEqual(['view']);
    expect(map[`units/subtree:${L}`]).toEqual(['view']);
    expect(map[`modules/unit:${L}`]).toEqual(['view', 'edit', 'validate']);
    expect(map[`entries.professional-travel/own:${L}`]).toEqual(['view', 'edit']);
  });

  it('the same assignment twice is the same as once', () => {
    const once = computePermissions([{ role: 'principal', unitId: L }]);
    const twice = computePermissions([
      { role: 'principal', unitId: L },
      { role: 'principal', unitId: L },
    ]);
    expectMap(twice, once);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
  });

  it('returns a fresh map each time', () => {
    const first = computePermissions([{ role: 'admin' }]);
    first['years']?.push('validate');
    expect(computePermissions([{ role: 'admin' }])['years']).toEqual(['view', 'edit']);
  });
});

const assignmentArb: fc.Arbitrary<RoleAssignment> = fc.oneof(
  fc.constant({ role: 'admin' as const }),
  fc.record({
    role: fc.constantFrom('standard' as const, 'principal' as const, 'backoffice' as const),
    unitId: fc.constantFrom(...UNIT_IDS),
  }),
);
const assignmentsArb = fc.array(assignmentArb, { maxLength: 8 });
const actionArb = fc.constantFrom(...ACTIONS);
const resourceArb = fc.constantFrom(...RESOURCES);
const targetArb = fc.record({ unitId: fc.constantFrom(...UNIT_IDS), owned: fc.boolean() });

describe('computePermissions — properties', () => {
  it('is canonical: keys sorted, actions non-empty, unique and in ACTIONS order', () => {
    fc.assert(
      fc.property(assignmentsArb, (assignments) => {
        const map = computePermissions(assignments);
        const keys = Object.keys(map);
        expect(keys).toEqual([...new Set(keys)].sort());
        for (const actions of Object.values(map)) {
          const ranks = actions.map((a) => ACTIONS.indexOf(a));
          expect(ranks.length).toBeGreaterThan(0);
          expect(
            ranks.every((rank, i) => rank >= 0 && (i === 0 || rank > (ranks[i - 1] ?? 0))),
          ).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of the assignments', () => {
    fc.assert(
      fc.property(
        assignmentsArb.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
          ),
        ),
        ([list, shuffled]) => {
          expect(JSON.stringify(computePermissions(shuffled))).toBe(
            JSON.stringify(computePermissions(list)),
          );
        },
      ),
    );
  });

  it('ignores repeated assignments', () => {
    fc.assert(
      fc.property(
        assignmentsArb.chain((list) => fc.tuple(fc.constant(list), fc.subarray(list))),
        ([list, repeats]) => {
          expect(JSON.stringify(computePermissions([...list, ...repeats]))).toBe(
            JSON.stringify(computePermissions(list)),
          );
        },
      ),
    );
  });

  it('is monotone: adding assignments never removes a granted (key, action)', () => {
    fc.assert(
      fc.property(assignmentsArb, assignmentsArb, (base, added) => {
        const before = pairs(computePermissions(base));
        const after = new Set(pairs(computePermissions([...base, ...added])));
        expect(before.filter((pair) => !after.has(pair))).toEqual([]);
      }),
    );
  });

  it('is monotone for every check: what `can` allows stays allowed after adding assignments', () => {
    fc.assert(
      fc.property(
        assignmentsArb,
        assignmentsArb,
        actionArb,
        resourceArb,
        targetArb,
        (base, added, action, resource, { unitId, owned }) => {
          const target = at(unitId, owned);
          const allowed = can(computePermissions(base), action, resource, target);
          const more = computePermissions([...added, ...base]);
          expect(!allowed || can(more, action, resource, target)).toBe(true);
        },
      ),
    );
  });

  it('is the union of the maps of the single assignments', () => {
    fc.assert(
      fc.property(assignmentsArb, (assignments) => {
        const union = new Set(assignments.flatMap((a) => pairs(computePermissions([a]))));
        expect(pairs(computePermissions(assignments)).sort()).toEqual([...union].sort());
      }),
    );
  });

  it('lets only the principal of a unit edit its entries or validate its modules', () => {
    fc.assert(
      fc.property(assignmentsArb, fc.constantFrom(...UNIT_IDS), (assignments, unitId) => {
        const map = computePermissions(assignments);
        const isPrincipal = assignments.some((a) => a.role === 'principal' && a.unitId === unitId);
        const writes: [Action, 'entries' | 'modules'][] = [
          ['edit', 'entries'],
          ['validate', 'modules'],
        ];
        for (const [action, resource] of writes) {
          expect(can(map, action, resource, at(unitId, false))).toBe(isPrincipal);
          expect(can(map, action, resource, at(unitId, true))).toBe(isPrincipal);
        }
      }),
    );
  });
});
