import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateEntry, centralisedPurchase, totalKg } from '../../src/index.js';
import { expectClose } from './close.js';
import { contextOf, type FactorSpec } from './support.js';

const PAPER = 'Copy paper A4 80 g';
const factors: FactorSpec[] = [
  {
    factorSet: 'centralised-purchases',
    classification: { name: PAPER },
    // A kgPerUnit on a factor without unit is meaningless, and ignored.
    values: { kgCo2eqPerKg: 0.919, kgPerUnit: 99 },
  },
  {
    factorSet: 'centralised-purchases',
    classification: { name: PAPER, unit: 'ream' },
    values: { kgCo2eqPerKg: 0.919, kgPerUnit: 2.5 },
  },
  {
    factorSet: 'centralised-purchases',
    classification: { name: 'Toner cartridge' },
    values: { kgCo2eqPerKg: 5 },
  },
  {
    factorSet: 'centralised-purchases',
    classification: { name: 'Toner cartridge', unit: 'cartridge' },
    values: { kgCo2eqPerKg: null, kgPerUnit: 1.2 },
  },
];
const context = contextOf(factors);
const row = (fields: Record<string, unknown>) =>
  centralisedPurchase.fields.parse({
    name: PAPER,
    unit: 'ream',
    annualConsumption: 120,
    ...fields,
  });

describe('centralised purchase', () => {
  it("multiplies consumption by the factor's kg per unit and the emission factor per kg", () => {
    const result = centralisedPurchase.calculate(row({}), context, 'centralised');
    // 120 reams × 2.5 kg/ream = 300 kg; × 0.919 kg CO2-eq/kg = 275.7 kg
    expect(result.flags).toEqual([]);
    expect(result.emissions).toHaveLength(1);
    const [line] = result.emissions;
    expect(line!.emissionType).toBe('purchases.centralised');
    expect(line!.kgCo2eq).toBeCloseTo(275.7, 9);
    expect(line!.quantity).toEqual({ value: 300, unit: 'kg' });
    expect(line!.factorIds).toEqual(['f2']);
  });

  it("prefers the row's kg per unit", () => {
    const result = centralisedPurchase.calculate(row({ kgPerUnit: 2.4 }), context, 'centralised');
    // 120 × 2.4 kg × 0.919 = 264.672 kg
    expect(totalKg(result)).toBeCloseTo(264.672, 9);
  });

  it('fixes the kg per unit of mass units', () => {
    // 300 kg × 0.919 = 275.7; 0.5 t = 500 kg × 0.919 = 459.5; 2,000 g = 2 kg × 0.919 = 1.838
    for (const [unit, consumption, kg] of [
      ['kg', 300, 275.7],
      ['t', 0.5, 459.5],
      ['g', 2000, 1.838],
    ] as const) {
      const result = centralisedPurchase.calculate(
        row({ unit, annualConsumption: consumption }),
        context,
        'centralised',
      );
      expect(totalKg(result), unit).toBeCloseTo(kg, 9);
      expect(result.emissions[0]!.factorIds).toEqual(['f1']);
    }
  });

  it("takes the emission factor from the name when the unit's factor has none", () => {
    const result = centralisedPurchase.calculate(
      row({ name: 'Toner cartridge', unit: 'cartridge', annualConsumption: 40 }),
      context,
      'centralised',
    );
    // 40 cartridges × 1.2 kg (from f4) × 5 kg CO2-eq/kg (from f3) = 240 kg
    expect(totalKg(result)).toBeCloseTo(240, 9);
    expect(result.emissions[0]!.factorIds).toEqual(['f3', 'f4']);
  });

  it('keeps and flags a row without factor or without kg per unit', () => {
    const unknown = centralisedPurchase.calculate(
      row({ name: 'Coffee beans' }),
      context,
      'centralised',
    );
    expect(unknown.emissions).toEqual([]);
    expect(unknown.flags).toEqual([
      {
        code: 'missing-factor',
        factorSet: 'centralised-purchases',
        classification: { name: 'Coffee beans' },
        message: "No centralised-purchases factor for name Coffee beans in this year's factor set.",
      },
    ]);

    // A box has no kg per unit: neither in the row nor in a { name, unit: 'box' } factor (the
    // kgPerUnit of the { name } factor is not used for it).
    const box = centralisedPurchase.calculate(row({ unit: 'box' }), context, 'centralised');
    expect(box.emissions).toEqual([]);
    expect(box.flags).toEqual([
      {
        code: 'missing-factor',
        factorSet: 'centralised-purchases',
        classification: { name: PAPER, unit: 'box' },
        message: `No kg per box for ${PAPER}: give kgPerUnit with the row or in the factor set.`,
      },
    ]);
    const boxWithMass = centralisedPurchase.calculate(
      row({ unit: 'box', kgPerUnit: 12.5, annualConsumption: 10 }),
      context,
      'centralised',
    );
    // 10 boxes × 12.5 kg × 0.919 = 114.875 kg, with the { name } factor
    expect(totalKg(boxWithMass)).toBeCloseTo(114.875, 9);
    expect(boxWithMass.emissions[0]!.factorIds).toEqual(['f1']);
  });

  it('normalises and accepts well-formed rows, rejects malformed ones', () => {
    expect(
      centralisedPurchase.fields.parse({ name: ' Paper ', unit: ' Ream ', annualConsumption: 0 }),
    ).toEqual({ name: 'Paper', unit: 'ream', annualConsumption: 0 });
    for (const bad of [
      { name: '' },
      { unit: '' },
      { annualConsumption: -1 },
      { annualConsumption: Number.NaN },
      { kgPerUnit: 0 },
      { kgPerUnit: -2 },
      { unit: 'KG', kgPerUnit: 2 },
      { unit: 't', kgPerUnit: 1000 },
    ]) {
      expect(
        centralisedPurchase.fields.safeParse({
          name: PAPER,
          unit: 'ream',
          annualConsumption: 10,
          ...bad,
        }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('gives zero for zero consumption and is linear in consumption (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ream', 'kg', 't', 'g'),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (unit, consumption, k) => {
          const calculate = (value: number) =>
            centralisedPurchase.calculate(
              row({ unit, annualConsumption: value }),
              context,
              'centralised',
            );
          const base = calculate(consumption);
          expect(base.flags).toEqual([]);
          expect(totalKg(calculate(0))).toBe(0);
          expectClose(totalKg(calculate(consumption * k)), totalKg(base) * k);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.constantFrom(PAPER, 'Unknown item'),
        (kg, name) => {
          const result = calculateEntry(
            centralisedPurchase,
            'centralised',
            row({ name }),
            kg,
            context,
          );
          expect(result.emissions).toEqual([
            { emissionType: 'purchases.centralised', kgCo2eq: kg, factorIds: [] },
          ]);
          expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
        },
      ),
    );
  });

  it('flags rather than drops a row whose item has no factor (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim() !== ''),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (name, consumption) => {
          const result = centralisedPurchase.calculate(
            row({ name, unit: 'kg', annualConsumption: consumption }),
            contextOf([]),
            'centralised',
          );
          expect(result.emissions).toEqual([]);
          expect(result.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
        },
      ),
    );
  });
});
