import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateEntry, researchFacilityUse, totalKg } from '../../src/index.js';
import { expectClose } from './close.js';
import { contextOf } from './support.js';

const facilities = {
  'Cryo-EM platform': { kgCo2eq: 48_000, totalUse: 3_200 },
  'Animal house': { kgCo2eq: 125_000, totalUse: 50_000 },
  'HPC cluster': { kgCo2eq: 90_000, totalUse: 1_200_000, computing: true },
  'Closed platform': { kgCo2eq: 1_000, totalUse: 0 },
};
const context = contextOf([], { facilities });
const row = (fields: Record<string, unknown>) =>
  researchFacilityUse.fields.parse({
    facility: 'Cryo-EM platform',
    use: 120,
    useUnit: 'hours',
    ...fields,
  });

describe('research facility use', () => {
  it("books the unit's share of the facility footprint", () => {
    const result = researchFacilityUse.calculate(row({}), context, 'common-facilities');
    // 120 h / 3,200 h × 48,000 kg = 1,800 kg
    expect(result).toEqual({
      emissions: [
        {
          emissionType: 'facilities.common',
          kgCo2eq: 1800,
          quantity: { value: 120, unit: 'unit' },
          factorIds: [],
        },
      ],
      flags: [],
    });
  });

  it('books animal facilities under facilities.animal and computing ones under facilities.computing', () => {
    const animal = researchFacilityUse.calculate(
      row({ facility: 'Animal house', use: 2500, useUnit: 'cage-days' }),
      context,
      'animal-facilities',
    );
    // 2,500 / 50,000 cage-days × 125,000 kg = 6,250 kg
    expect(animal.emissions.map((line) => [line.emissionType, line.kgCo2eq])).toEqual([
      ['facilities.animal', 6250],
    ]);
    const hpc = researchFacilityUse.calculate(
      row({ facility: 'HPC cluster', use: 30_000, useUnit: 'core-hours' }),
      context,
      'common-facilities',
    );
    // 30,000 / 1,200,000 core-hours × 90,000 kg = 2,250 kg
    expect(hpc.emissions.map((line) => line.emissionType)).toEqual(['facilities.computing']);
    expect(totalKg(hpc)).toBeCloseTo(2250, 9);
    // The animal-facilities sub-module wins over the computing flag.
    const computingAnimal = researchFacilityUse.calculate(
      row({ facility: 'HPC cluster' }),
      context,
      'animal-facilities',
    );
    expect(computingAnimal.emissions[0]!.emissionType).toBe('facilities.animal');
  });

  it('keeps and flags a row whose facility is unknown or has no total use', () => {
    const unknown = researchFacilityUse.calculate(
      row({ facility: 'Nowhere' }),
      context,
      'common-facilities',
    );
    expect(unknown).toEqual({
      emissions: [],
      flags: [
        {
          code: 'missing-reference',
          reference: 'facility Nowhere',
          message: 'Unknown research facility Nowhere, or no footprint for the year.',
        },
      ],
    });
    const closed = researchFacilityUse.calculate(
      row({ facility: 'Closed platform' }),
      context,
      'common-facilities',
    );
    expect(closed.emissions).toEqual([]);
    expect(closed.flags).toEqual([
      {
        code: 'missing-reference',
        reference: 'facility Closed platform',
        message: 'Research facility Closed platform has no total use (or no footprint) to share.',
      },
    ]);
    const noRegister = researchFacilityUse.calculate(
      row({}),
      { ...context, references: {} },
      'animal-facilities',
    );
    expect(noRegister.flags.map((flag) => flag.code)).toEqual(['missing-reference']);
  });

  it('books an override by sub-module', () => {
    expect(researchFacilityUse.overrideEmissionType('animal-facilities')).toBe('facilities.animal');
    expect(researchFacilityUse.overrideEmissionType('common-facilities')).toBe('facilities.common');
  });

  it('normalises and accepts well-formed rows, rejects malformed ones', () => {
    expect(
      researchFacilityUse.fields.parse({ facility: ' HPC cluster ', use: 0, useUnit: 'hours' }),
    ).toEqual({ facility: 'HPC cluster', use: 0, useUnit: 'hours' });
    for (const bad of [
      { facility: '' },
      { use: -1 },
      { use: Number.POSITIVE_INFINITY },
      { use: '12' },
      { useUnit: '' },
      { useUnit: undefined },
    ]) {
      expect(
        researchFacilityUse.fields.safeParse({
          facility: 'Cryo-EM platform',
          use: 12,
          useUnit: 'hours',
          ...bad,
        }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('gives zero for zero use and is linear in use (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(facilities).filter((name) => name !== 'Closed platform')),
        fc.constantFrom('common-facilities', 'animal-facilities') as fc.Arbitrary<
          'common-facilities' | 'animal-facilities'
        >,
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (facility, subModule, use, k) => {
          const calculate = (value: number) =>
            researchFacilityUse.calculate(row({ facility, use: value }), context, subModule);
          expect(totalKg(calculate(0))).toBe(0);
          expectClose(totalKg(calculate(use * k)), totalKg(calculate(use)) * k);
        },
      ),
    );
  });

  it("the shares of uses adding up to the total use add up to the facility's footprint (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        (uses, kgCo2eq) => {
          const totalUse = uses.reduce((sum, use) => sum + use, 0);
          fc.pre(totalUse > 0);
          const shared = contextOf([], { facilities: { F: { kgCo2eq, totalUse } } });
          const sum = uses.reduce(
            (total, use) =>
              total +
              totalKg(
                researchFacilityUse.calculate(
                  row({ facility: 'F', use }),
                  shared,
                  'common-facilities',
                ),
              ),
            0,
          );
          expectClose(sum, kgCo2eq);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.constantFrom('Cryo-EM platform', 'Nowhere'),
        (kg, facility) => {
          const result = calculateEntry(
            researchFacilityUse,
            'common-facilities',
            row({ facility }),
            kg,
            context,
          );
          expect(totalKg(result)).toBe(kg);
          expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
        },
      ),
    );
  });

  it('flags rather than drops a row whose facility is not in the register (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim() !== ''),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (facility, use) => {
          const result = researchFacilityUse.calculate(
            row({ facility, use }),
            contextOf([]),
            'common-facilities',
          );
          expect(result.emissions).toEqual([]);
          expect(result.flags.map((flag) => flag.code)).toEqual(['missing-reference']);
        },
      ),
    );
  });
});
