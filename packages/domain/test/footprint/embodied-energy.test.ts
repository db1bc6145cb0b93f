import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateEntry, EMBODIED_CATEGORIES, embodiedEnergy, totalKg } from '../../src/index.js';
import { contextOf } from './support.js';

const ef = (building: string, category: string, kgCo2eqPerM2: number | null) => ({
  factorSet: 'embodied',
  classification: { building, category },
  values: { kgCo2eqPerM2 },
  emissionType: 'buildings.embodied',
});
const factors = [
  ef('BC', 'structure', 12), // f1
  ef('*', 'structure', 9), // f2
  ef('*', 'envelope', 4.5), // f3
  ef('*', 'technical-installations', null), // f4: no value this year
];
const context = contextOf(factors);
const row = (fields: Record<string, unknown> = {}) =>
  embodiedEnergy.fields.parse({
    building: 'BC',
    category: 'structure',
    areaM2: 200,
    allocationRatio: 0.25,
    ...fields,
  });

describe('embodied energy', () => {
  it("uses the building's own factor per m² and year (golden)", () => {
    // 200 m² × 0.25 = 50 m² × 12 kg/m²/yr = 600 kg.
    expect(embodiedEnergy.calculate(row(), context, 'embodied')).toEqual({
      emissions: [
        {
          emissionType: 'buildings.embodied',
          kgCo2eq: 600,
          quantity: { value: 50, unit: 'm2' },
          factorIds: ['f1'],
        },
      ],
      flags: [],
    });
  });

  it('falls back to building * (golden)', () => {
    // 50 m² × 9 = 450 kg; envelope 50 m² × 4.5 = 225 kg.
    const other = embodiedEnergy.calculate(row({ building: 'AB' }), context, 'embodied');
    expect(totalKg(other)).toBeCloseTo(450, 9);
    expect(other.emissions[0]!.factorIds).toEqual(['f2']);
    const envelope = embodiedEnergy.calculate(row({ category: 'envelope' }), context, 'embodied');
    expect(totalKg(envelope)).toBeCloseTo(225, 9);
    expect(envelope.emissions[0]!.factorIds).toEqual(['f3']);
  });

  it("falls back to building * when the building's own factor has no value", () => {
    const ownEmpty = contextOf([...factors, ef('AB', 'envelope', null)]);
    const result = embodiedEnergy.calculate(
      row({ building: 'AB', category: 'envelope' }),
      ownEmpty,
      'embodied',
    );
    expect(result.flags).toEqual([]);
    expect(result.emissions[0]!.factorIds).toEqual(['f3']);
    expect(totalKg(result)).toBeCloseTo(225, 9);
  });

  it('keeps and flags a category without factor or value', () => {
    for (const category of ['technical-installations', 'interior-fit-out']) {
      expect(embodiedEnergy.calculate(row({ category }), context, 'embodied')).toEqual({
        emissions: [],
        flags: [
          expect.objectContaining({
            code: 'missing-factor',
            factorSet: 'embodied',
            classification: { building: 'BC', category },
          }),
        ],
      });
    }
  });

  it('validates its fields', () => {
    expect(
      embodiedEnergy.fields.parse({ building: 'BC', category: 'envelope', areaM2: 0 }),
    ).toEqual({ building: 'BC', category: 'envelope', areaM2: 0, allocationRatio: 1 });
    for (const bad of [
      { building: '*' },
      { building: '' },
      { category: 'roof' },
      { areaM2: -1 },
      { areaM2: undefined },
      { allocationRatio: 2 },
      { allocationRatio: -0.5 },
    ]) {
      expect(
        embodiedEnergy.fields.safeParse({
          building: 'BC',
          category: 'structure',
          areaM2: 100,
          ...bad,
        }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('is linear in the area and the ratio; zero gives zero (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (areaM2, allocationRatio) => {
          const kg = totalKg(
            embodiedEnergy.calculate(row({ areaM2, allocationRatio }), context, 'embodied'),
          );
          expect(kg).toBeCloseTo(areaM2 * allocationRatio * 12, 6);
          for (const zero of [{ areaM2: 0 }, { allocationRatio: 0 }]) {
            expect(totalKg(embodiedEnergy.calculate(row(zero), context, 'embodied'))).toBe(0);
          }
        },
      ),
    );
  });

  it('a category without factor is flagged, never dropped (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EMBODIED_CATEGORIES),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (category, areaM2) => {
          const result = embodiedEnergy.calculate(
            row({ category, areaM2 }),
            contextOf([]),
            'embodied',
          );
          expect(result.emissions).toEqual([]);
          expect(result.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (kg) => {
        const result = calculateEntry(embodiedEnergy, 'embodied', row(), kg, context);
        expect(result.emissions).toEqual([
          { emissionType: 'buildings.embodied', kgCo2eq: kg, factorIds: [] },
        ]);
        expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
      }),
    );
  });
});
