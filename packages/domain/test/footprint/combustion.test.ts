import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateEntry,
  COMBUSTION_FUELS,
  COMBUSTION_UNITS,
  combustion,
  totalKg,
} from '../../src/index.js';
import { contextOf } from './support.js';

const ef = (fuel: string, unit: string, kgCo2eqPerUnit: number | null) => ({
  factorSet: 'combustion',
  classification: { fuel, unit },
  values: { kgCo2eqPerUnit },
  emissionType: 'buildings.combustion',
});
const factors = [
  ef('natural-gas', 'kWh', 0.227), // f1
  ef('heating-oil', 'l', 3.25), // f2
  ef('wood-pellets', 'kg', 0.03), // f3
  ef('propane', 'kg', null), // f4: no value this year
];
const context = contextOf(factors);
const row = (fields: Record<string, unknown> = {}) =>
  combustion.fields.parse({ fuel: 'natural-gas', unit: 'kWh', quantity: 12_000, ...fields });

describe('combustion', () => {
  it('multiplies the quantity by the factor of its fuel and unit (golden)', () => {
    // 12,000 kWh × 0.227 = 2,724 kg.
    expect(combustion.calculate(row(), context, 'combustion')).toEqual({
      emissions: [
        {
          emissionType: 'buildings.combustion',
          kgCo2eq: 2724,
          quantity: { value: 12_000, unit: 'kWh' },
          factorIds: ['f1'],
        },
      ],
      flags: [],
    });
    // 1,500 l × 3.25 = 4,875 kg.
    const oil = combustion.calculate(
      row({ fuel: 'heating-oil', unit: 'l', quantity: 1500 }),
      context,
      'combustion',
    );
    expect(totalKg(oil)).toBeCloseTo(4875, 9);
    expect(oil.emissions[0]!.quantity).toEqual({ value: 1500, unit: 'l' });
  });

  it('does not convert units: a fuel without a factor in the unit is kept and flagged', () => {
    const result = combustion.calculate(row({ unit: 'kg' }), context, 'combustion');
    expect(result).toEqual({
      emissions: [],
      flags: [
        {
          code: 'missing-factor',
          factorSet: 'combustion',
          classification: { fuel: 'natural-gas', unit: 'kg' },
          message: "No combustion factor for fuel natural-gas, unit kg in this year's factor set.",
        },
      ],
    });
    const nulled = combustion.calculate(
      row({ fuel: 'propane', unit: 'kg' }),
      context,
      'combustion',
    );
    expect(nulled.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
  });

  it('validates its fields', () => {
    expect(row({ quantity: 0 }).quantity).toBe(0);
    for (const bad of [
      { fuel: 'coal' },
      { fuel: 'Natural gas' },
      { unit: 'm3' },
      { unit: 'kwh' },
      { quantity: -1 },
      { quantity: '12' },
      { quantity: Number.NaN },
      { quantity: undefined },
    ]) {
      expect(
        combustion.fields.safeParse({ fuel: 'natural-gas', unit: 'kWh', quantity: 1, ...bad })
          .success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('is linear in the quantity; zero gives zero (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['natural-gas', 'kWh', 0.227] as const,
          ['heating-oil', 'l', 3.25] as const,
          ['wood-pellets', 'kg', 0.03] as const,
        ),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        ([fuel, unit, perUnit], quantity) => {
          const kg = totalKg(
            combustion.calculate(row({ fuel, unit, quantity }), context, 'combustion'),
          );
          expect(kg).toBeCloseTo(quantity * perUnit, 6);
          const zero = combustion.calculate(
            row({ fuel, unit, quantity: 0 }),
            context,
            'combustion',
          );
          expect(totalKg(zero)).toBe(0);
        },
      ),
    );
  });

  it('a fuel and unit without factor is flagged, never dropped (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMBUSTION_FUELS),
        fc.constantFrom(...COMBUSTION_UNITS),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (fuel, unit, quantity) => {
          const result = combustion.calculate(
            row({ fuel, unit, quantity }),
            contextOf([]),
            'combustion',
          );
          expect(result.emissions).toEqual([]);
          expect(result.flags).toEqual([
            expect.objectContaining({ code: 'missing-factor', classification: { fuel, unit } }),
          ]);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (kg) => {
        const result = calculateEntry(combustion, 'combustion', row(), kg, context);
        expect(result.emissions).toEqual([
          { emissionType: 'buildings.combustion', kgCo2eq: kg, factorIds: [] },
        ]);
        expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
      }),
    );
  });
});
