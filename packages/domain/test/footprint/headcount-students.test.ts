import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateEntry, entryTypeOf, headcountStudents, totalKg } from '../../src/index.js';
import { contextOf, type FactorSpec } from './support.js';

const factor = (
  factorSet: string,
  category: string,
  klass: string,
  unitsPerFte: number,
  kgCo2eqPerUnit: number,
): FactorSpec => ({
  factorSet,
  classification: { category, class: klass },
  values: { unitsPerFte, kgCo2eqPerUnit },
});

const studentSet = [
  factor('headcount-students', 'commuting', 'car', 800, 0.2), // f2
  factor('headcount-students', 'food', 'meat-meal', 50, 2.5), // f3
  factor('headcount-students', 'waste', 'incinerated', 10, 0.5), // f4
];
// The staff set of the same year (f1) must not be read for students.
const staffSet = [factor('headcount-staff', 'commuting', 'car', 99_999, 99)];
const context = contextOf([...staffSet, ...studentSet]);
const students = (totalFte: number) => headcountStudents.fields.parse({ totalFte });

describe('headcount students', () => {
  it('serves the students sub-module of headcount with the student factor set', () => {
    expect(entryTypeOf('students')).toBe(headcountStudents);
    expect(headcountStudents.module).toBe('headcount');
    expect(headcountStudents.factorSets).toEqual(['headcount-students']);
    expect(headcountStudents.overrideEmissionType('students')).toBe('headcount.commuting');
  });

  it('multiplies the total FTE by the student factors (golden)', () => {
    // Hand-checked with 250 FTE:
    //   commuting 250 × 800 = 200,000 km × 0.2 = 40,000
    //   food      250 × 50  =  12,500    × 2.5 = 31,250
    //   waste     250 × 10  =   2,500 kg × 0.5 =  1,250
    //   total 72,500
    const result = headcountStudents.calculate(students(250), context, 'students');
    expect(result.emissions).toEqual([
      {
        emissionType: 'headcount.commuting',
        kgCo2eq: 40_000,
        quantity: { value: 200_000, unit: 'km' },
        factorIds: ['f2'],
      },
      {
        emissionType: 'headcount.food',
        kgCo2eq: 31_250,
        quantity: { value: 12_500, unit: 'unit' },
        factorIds: ['f3'],
      },
      {
        emissionType: 'headcount.waste',
        kgCo2eq: 1_250,
        quantity: { value: 2_500, unit: 'kg' },
        factorIds: ['f4'],
      },
    ]);
    expect(totalKg(result)).toBe(72_500);
    expect(result.flags).toEqual([]);
  });

  it('keeps and flags the row when the year has no student factor, even with staff factors', () => {
    const result = headcountStudents.calculate(students(40), contextOf(staffSet), 'students');
    expect(result.emissions).toEqual([]);
    expect(result.flags).toMatchObject([
      { code: 'missing-factor', factorSet: 'headcount-students', classification: {} },
    ]);
  });

  it('accepts a non-negative total and rejects anything else', () => {
    for (const totalFte of [0, 0.5, 1500.25, 100_000]) {
      expect(headcountStudents.fields.safeParse({ totalFte }).success).toBe(true);
    }
    for (const totalFte of [-1, -0.001, 100_001, Number.NaN, '12', null, undefined]) {
      expect(headcountStudents.fields.safeParse({ totalFte }).success, String(totalFte)).toBe(
        false,
      );
    }
  });

  const totalFte = fc.double({ min: 0, max: 100_000, noNaN: true });

  it('zero FTE gives zero whatever the factors (property)', () => {
    const value = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(value, value, value, (units, ef, other) => {
        const result = headcountStudents.calculate(
          students(0),
          contextOf([
            factor('headcount-students', 'commuting', 'car', units, ef),
            factor('headcount-students', 'waste', 'recycled', other, ef),
          ]),
          'students',
        );
        expect(result.emissions).toHaveLength(2);
        expect(Math.abs(totalKg(result))).toBe(0);
        expect(result.flags).toEqual([]);
      }),
    );
  });

  it('is linear in the total FTE (property)', () => {
    // Per FTE: 800 × 0.2 + 50 × 2.5 + 10 × 0.5 = 160 + 125 + 5 = 290 kg.
    fc.assert(
      fc.property(totalFte, (value) => {
        const kg = totalKg(headcountStudents.calculate(students(value), context, 'students'));
        expect(kg).toBeCloseTo(value * 290, 6);
      }),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), totalFte, (kg, value) => {
        const result = calculateEntry(headcountStudents, 'students', students(value), kg, context);
        expect(totalKg(result)).toBe(kg);
        expect(result.emissions[0]!.emissionType).toBe('headcount.commuting');
        expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
      }),
    );
  });

  it('a row without factor is kept and flagged, never dropped (property)', () => {
    fc.assert(
      fc.property(totalFte, (value) => {
        const result = calculateEntry(
          headcountStudents,
          'students',
          students(value),
          undefined,
          contextOf([]),
        );
        expect(result.emissions).toEqual([]);
        expect(result.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
      }),
    );
  });
});
