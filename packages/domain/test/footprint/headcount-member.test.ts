import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateEntry,
  entryTypeOf,
  headcountMember,
  type HeadcountCategory,
  totalKg,
} from '../../src/index.js';
import { contextOf, type FactorSpec } from './support.js';

const staff = (
  category: string,
  klass: string,
  unitsPerFte: number | null,
  kgCo2eqPerUnit: number | null,
): FactorSpec => ({
  factorSet: 'headcount-staff',
  classification: { category, class: klass },
  values: { unitsPerFte, kgCo2eqPerUnit },
});

const staffSet = [
  staff('commuting', 'car', 2000, 0.2), // f1
  staff('commuting', 'public-transport', 1000, 0.01), // f2
  staff('food', 'meat-meal', 100, 2.5), // f3
  staff('waste', 'incinerated', 40, 0.5), // f4
];
// The student set of the same year must not be read for members.
const studentSet: FactorSpec[] = [
  {
    factorSet: 'headcount-students',
    classification: { category: 'commuting', class: 'car' },
    values: { unitsPerFte: 99_999, kgCo2eqPerUnit: 99 },
  },
];
const context = contextOf([...staffSet, ...studentSet]);
const member = (fields: Record<string, unknown> = {}) =>
  headcountMember.fields.parse({
    name: 'A. Member',
    functionCode: 'PHD',
    personId: '123456',
    fte: 0.6,
    ...fields,
  });

const CATEGORIES: HeadcountCategory[] = ['commuting', 'food', 'waste'];

/** Any staff set: distinct (category, class) pairs with non-negative values. */
const arbitrarySet = fc
  .uniqueArray(
    fc.record({
      category: fc.constantFrom(...CATEGORIES),
      class: fc.constantFrom('a', 'b', 'c', 'd'),
      unitsPerFte: fc.double({ min: 0, max: 10_000, noNaN: true }),
      kgCo2eqPerUnit: fc.double({ min: 0, max: 10, noNaN: true }),
    }),
    { minLength: 1, maxLength: 12, selector: (spec) => `${spec.category}|${spec.class}` },
  )
  .map((specs) =>
    specs.map((spec) => staff(spec.category, spec.class, spec.unitsPerFte, spec.kgCo2eqPerUnit)),
  );
const fte = fc.double({ min: 0, max: 1, noNaN: true });

describe('headcount member', () => {
  it('serves the members sub-module of headcount with the staff factor set', () => {
    expect(entryTypeOf('members')).toBe(headcountMember);
    expect(headcountMember.module).toBe('headcount');
    expect(headcountMember.factorSets).toEqual(['headcount-staff']);
    expect(headcountMember.overrideEmissionType('members')).toBe('headcount.commuting');
  });

  it('gives one line per staff factor: FTE × unitsPerFte × kgCo2eqPerUnit (golden)', () => {
    // Hand-checked with fte 0.6:
    //   car              0.6 × 2000 = 1200 km  × 0.2  = 240
    //   public transport 0.6 × 1000 =  600 km  × 0.01 =   6
    //   meat meals       0.6 × 100  =   60     × 2.5  = 150
    //   incinerated      0.6 × 40   =   24 kg  × 0.5  =  12
    //   total 240 + 6 + 150 + 12 = 408
    const result = headcountMember.calculate(member(), context, 'members');
    const expected = [
      ['headcount.commuting', 240, 1200, 'km', 'f1'],
      ['headcount.commuting', 6, 600, 'km', 'f2'],
      ['headcount.food', 150, 60, 'unit', 'f3'],
      ['headcount.waste', 12, 24, 'kg', 'f4'],
    ] as const;
    expect(result.emissions).toHaveLength(expected.length);
    result.emissions.forEach((line, i) => {
      const [emissionType, kg, quantity, unit, factorId] = expected[i]!;
      expect(line.emissionType).toBe(emissionType);
      expect(line.kgCo2eq).toBeCloseTo(kg, 9);
      expect(line.quantity!.value).toBeCloseTo(quantity, 9);
      expect(line.quantity!.unit).toBe(unit);
      expect(line.factorIds).toEqual([factorId]);
    });
    expect(totalKg(result)).toBeCloseTo(408, 9);
    expect(result.flags).toEqual([]);
  });

  it('a full-time member counts the per-FTE values as they are', () => {
    // 2000 × 0.2 + 1000 × 0.01 + 100 × 2.5 + 40 × 0.5 = 400 + 10 + 250 + 20 = 680
    expect(totalKg(headcountMember.calculate(member({ fte: 1 }), context, 'members'))).toBeCloseTo(
      680,
      9,
    );
  });

  it('keeps and flags a row when the year has no staff factor, even with student factors', () => {
    const result = headcountMember.calculate(member(), contextOf(studentSet), 'members');
    expect(result.emissions).toEqual([]);
    expect(result.flags).toEqual([
      {
        code: 'missing-factor',
        factorSet: 'headcount-staff',
        classification: {},
        message: "No headcount-staff factor for this row in this year's factor set.",
      },
    ]);
  });

  it('flags a factor without values or with an unknown category and still counts the others', () => {
    const result = headcountMember.calculate(
      member({ fte: 1 }),
      contextOf([
        staff('commuting', 'car', 2000, 0.2),
        staff('food', 'meat-meal', null, 2.5),
        staff('energy', 'heating', 10, 1),
      ]),
      'members',
    );
    expect(totalKg(result)).toBeCloseTo(400, 9);
    expect(result.emissions.map((line) => line.factorIds)).toEqual([['f1']]);
    expect(
      result.flags.map((flag) => flag.code === 'missing-factor' && flag.classification),
    ).toEqual([
      { category: 'food', class: 'meat-meal' },
      { category: 'energy', class: 'heating' },
    ]);
  });

  it('accepts well-formed rows and trims text', () => {
    for (const value of [0, 0.25, 1]) {
      expect(headcountMember.fields.safeParse({ ...member(), fte: value }).success).toBe(true);
    }
    expect(member({ name: '  A. Member  ', personId: ' 123456 ' })).toMatchObject({
      name: 'A. Member',
      personId: '123456',
    });
  });

  it('rejects malformed rows', () => {
    const valid = { name: 'A. Member', functionCode: 'PHD', personId: '123456', fte: 0.6 };
    for (const bad of [
      { fte: -0.01 },
      { fte: 1.01 },
      { fte: '0.5' },
      { fte: Number.NaN },
      { fte: Number.POSITIVE_INFINITY },
      { fte: undefined },
      { name: '   ' },
      { personId: '' },
      { personId: undefined },
      { functionCode: 'X'.repeat(51) },
    ]) {
      expect(
        headcountMember.fields.safeParse({ ...valid, ...bad }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('zero FTE gives zero, line by line (property)', () => {
    fc.assert(
      fc.property(arbitrarySet, (specs) => {
        const result = headcountMember.calculate(member({ fte: 0 }), contextOf(specs), 'members');
        expect(result.emissions).toHaveLength(specs.length);
        for (const line of result.emissions) expect(Math.abs(line.kgCo2eq)).toBe(0);
      }),
    );
  });

  it('every factor gives one line under its category, summing FTE × units × EF (property)', () => {
    fc.assert(
      fc.property(arbitrarySet, fte, (specs, value) => {
        const result = headcountMember.calculate(
          member({ fte: value }),
          contextOf(specs),
          'members',
        );
        expect(result.flags).toEqual([]);
        expect(result.emissions.map((line) => line.emissionType)).toEqual(
          specs.map((spec) => `headcount.${spec.classification.category}`),
        );
        const expected = specs.reduce(
          (sum, spec) => sum + value * spec.values.unitsPerFte! * spec.values.kgCo2eqPerUnit!,
          0,
        );
        expect(totalKg(result)).toBeCloseTo(expected, 6);
      }),
    );
  });

  it('is linear in the FTE (property)', () => {
    fc.assert(
      fc.property(arbitrarySet, fte, (specs, value) => {
        const factors = contextOf(specs);
        const full = totalKg(headcountMember.calculate(member({ fte: 1 }), factors, 'members'));
        const part = totalKg(headcountMember.calculate(member({ fte: value }), factors, 'members'));
        expect(part).toBeCloseTo(full * value, 6);
      }),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fte, (kg, value) => {
        const result = calculateEntry(
          headcountMember,
          'members',
          member({ fte: value }),
          kg,
          context,
        );
        expect(result.emissions).toEqual([
          { emissionType: 'headcount.commuting', kgCo2eq: kg, factorIds: [] },
        ]);
        expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
      }),
    );
  });

  it('a row without factor is kept and flagged, never dropped (property)', () => {
    fc.assert(
      fc.property(fte, (value) => {
        const result = calculateEntry(
          headcountMember,
          'members',
          member({ fte: value }),
          null,
          contextOf(studentSet),
        );
        expect(result.emissions).toEqual([]);
        expect(result.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
      }),
    );
  });
});
