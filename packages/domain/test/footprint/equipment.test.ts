import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateEntry, equipment, totalKg } from '../../src/index.js';
import { contextOf, type FactorSpec } from './support.js';

const device = (
  classification: Record<string, string>,
  activePowerW: number | null,
  standbyPowerW: number | null,
  defaultActiveHours: number | null,
  defaultStandbyHours: number | null,
): FactorSpec => ({
  factorSet: 'equipment',
  classification,
  values: { activePowerW, standbyPowerW, defaultActiveHours, defaultStandbyHours },
});
const electricity: FactorSpec = {
  factorSet: 'electricity',
  classification: { mix: 'default' },
  values: { kgCo2eqPerKwh: 0.1 },
};
const factors = [
  device({ class: 'microscope', subclass: 'confocal' }, 1200, 150, 40, 128), // f1
  device({ class: 'microscope' }, 300, 20, 30, 20), // f2
  device({ class: 'freezer', subclass: 'ultra-low' }, 600, null, 168, null), // f3
  device({ class: 'laptop' }, 30, 2, null, null), // f4: no typical hours
  electricity, // f5
];
const context = contextOf(factors);
const row = (fields: Record<string, unknown> = {}) =>
  equipment.fields.parse({ name: 'LSM 980', class: 'microscope', subclass: 'confocal', ...fields });
const kg = (
  fields: Record<string, unknown>,
  subModule: 'scientific' | 'it' | 'other' = 'scientific',
) => totalKg(equipment.calculate(row(fields), context, subModule));

describe('equipment', () => {
  it("uses the class's powers and typical hours over 52 weeks (golden)", () => {
    // (1,200 W × 40 h + 150 W × 128 h) / 1000 = 67.2 kWh a week × 52 = 3,494.4 kWh × 0.1
    // = 349.44 kg.
    const result = equipment.calculate(row(), context, 'scientific');
    expect(result.flags).toEqual([]);
    expect(result.emissions).toHaveLength(1);
    const [line] = result.emissions;
    expect(line!.emissionType).toBe('equipment.scientific');
    expect(line!.kgCo2eq).toBeCloseTo(349.44, 9);
    expect(line!.quantity!.value).toBeCloseTo(3494.4, 9);
    expect(line!.quantity!.unit).toBe('kWh');
    expect(line!.factorIds).toEqual(['f1', 'f5']);
  });

  it('caps a defaulted hour count so that the week has at most 168 hours (golden)', () => {
    // Active 50 given: standby min(128, 168 − 50 = 118) = 118;
    // (1,200 × 50 + 150 × 118) / 1000 = 77.7 kWh × 52 = 4,040.4 kWh → 404.04 kg.
    expect(kg({ activeHoursPerWeek: 50 })).toBeCloseTo(404.04, 9);
    // Standby 160 given: active min(40, 168 − 160 = 8) = 8;
    // (1,200 × 8 + 150 × 160) / 1000 = 33.6 kWh × 52 = 1,747.2 kWh → 174.72 kg.
    expect(kg({ standbyHoursPerWeek: 160 })).toBeCloseTo(174.72, 9);
    // Both given: used as they are. (1,200 × 10 + 150 × 20) / 1000 × 52 = 780 kWh → 78 kg.
    expect(kg({ activeHoursPerWeek: 10, standbyHoursPerWeek: 20 })).toBeCloseTo(78, 9);
  });

  it('falls back from the subclass to the class, counts identical devices (golden)', () => {
    // Microscope f2: (300 × 30 + 20 × 20) / 1000 = 9.4 kWh × 52 × 3 = 1,466.4 kWh → 146.64 kg.
    const result = equipment.calculate(
      row({ subclass: 'widefield', quantity: 3 }),
      context,
      'other',
    );
    expect(result.emissions[0]!.factorIds).toEqual(['f2', 'f5']);
    expect(result.emissions[0]!.emissionType).toBe('equipment.other');
    expect(totalKg(result)).toBeCloseTo(146.64, 9);
    expect(kg({ subclass: undefined, quantity: 3 })).toBeCloseTo(146.64, 9);
  });

  it('falls back to the class when the subclass factor has no active power', () => {
    const ownEmpty = contextOf([
      ...factors,
      device({ class: 'microscope', subclass: 'x' }, null, 5, 1, 1),
    ]);
    const result = equipment.calculate(row({ subclass: 'x' }), ownEmpty, 'scientific');
    expect(result.emissions[0]!.factorIds).toEqual(['f2', 'f5']);
    expect(totalKg(result)).toBeCloseTo(146.64 / 3, 9);
  });

  it('counts no standby power or standby hours as zero (golden)', () => {
    // Two ULT freezers: 600 W × 168 h / 1000 = 100.8 kWh × 52 × 2 = 10,483.2 kWh → 1,048.32 kg.
    expect(kg({ class: 'freezer', subclass: 'ultra-low', quantity: 2 })).toBeCloseTo(1048.32, 9);
    // Laptop, 40 h given, no typical standby hours: 30 × 40 / 1000 × 52 = 62.4 kWh → 6.24 kg.
    const laptop = { class: 'laptop', subclass: undefined, activeHoursPerWeek: 40 };
    expect(kg(laptop, 'it')).toBeCloseTo(6.24, 9);
    const itLine = equipment.calculate(row(laptop), context, 'it').emissions[0];
    expect(itLine!.emissionType).toBe('equipment.it');
  });

  it('keeps and flags a row without equipment factor, typical hours or electricity factor', () => {
    const unknown = equipment.calculate(row({ class: 'centrifuge' }), context, 'scientific');
    expect(unknown).toEqual({
      emissions: [],
      flags: [
        expect.objectContaining({
          code: 'missing-factor',
          factorSet: 'equipment',
          classification: { class: 'centrifuge', subclass: 'confocal' },
        }),
      ],
    });
    const noHours = equipment.calculate(
      row({ class: 'laptop', subclass: undefined }),
      context,
      'it',
    );
    expect(noHours.emissions).toEqual([]);
    expect(noHours.flags).toEqual([
      expect.objectContaining({ factorSet: 'equipment', classification: { class: 'laptop' } }),
    ]);
    const noElectricity = equipment.calculate(row(), contextOf(factors.slice(0, 4)), 'scientific');
    expect(noElectricity.emissions).toEqual([]);
    expect(noElectricity.flags).toEqual([
      expect.objectContaining({ factorSet: 'electricity', classification: { mix: 'default' } }),
    ]);
  });

  it('validates its fields, hours adding up to at most 168', () => {
    expect(equipment.fields.parse({ name: ' PC ', class: 'desktop' })).toEqual({
      name: 'PC',
      class: 'desktop',
      quantity: 1,
    });
    for (const good of [
      { activeHoursPerWeek: 168, standbyHoursPerWeek: 0 },
      { activeHoursPerWeek: 100.1, standbyHoursPerWeek: 67.9 },
      { standbyHoursPerWeek: 168 },
      { inventoryId: 'INV-0042', quantity: 12 },
    ]) {
      expect(equipment.fields.safeParse({ name: 'D', class: 'c', ...good }).success).toBe(true);
    }
    for (const bad of [
      { activeHoursPerWeek: 100, standbyHoursPerWeek: 69 },
      { activeHoursPerWeek: 169 },
      { standbyHoursPerWeek: -1 },
      { quantity: 0 },
      { quantity: 1.5 },
      { name: '' },
      { class: ' ' },
      { subclass: '' },
    ]) {
      expect(
        equipment.fields.safeParse({ name: 'D', class: 'c', ...bad }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
    const over = equipment.fields.safeParse({
      name: 'D',
      class: 'c',
      activeHoursPerWeek: 120,
      standbyHoursPerWeek: 60,
    });
    expect(over.error?.issues[0]?.path).toEqual(['standbyHoursPerWeek']);
  });

  it('accepts exactly the hours that fit in a week (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 168 }), fc.integer({ min: 0, max: 168 }), (a, s) => {
        const parsed = equipment.fields.safeParse({
          name: 'D',
          class: 'c',
          activeHoursPerWeek: a,
          standbyHoursPerWeek: s,
        });
        expect(parsed.success).toBe(a + s <= 168);
      }),
    );
  });

  it('is linear in the quantity and the hours; zero hours give zero (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 84, noNaN: true }),
        fc.double({ min: 0, max: 84, noNaN: true }),
        (quantity, active, standby) => {
          const hours = { activeHoursPerWeek: active, standbyHoursPerWeek: standby };
          const one = kg(hours);
          expect(one).toBeCloseTo(((1200 * active + 150 * standby) / 1000) * 52 * 0.1, 6);
          expect(kg({ ...hours, quantity })).toBeCloseTo(one * quantity, 6);
          const zero = { activeHoursPerWeek: 0, standbyHoursPerWeek: 0, quantity };
          expect(kg(zero)).toBe(0);
        },
      ),
    );
  });

  it('a class without factor is flagged, never dropped (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value.trim() !== ''),
        fc.constantFrom('scientific' as const, 'it' as const, 'other' as const),
        (name, subModule) => {
          const result = equipment.calculate(
            row({ class: `unknown ${name}`, subclass: undefined }),
            context,
            subModule,
          );
          expect(result.emissions).toEqual([]);
          expect(result.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
        },
      ),
    );
  });

  it('an override always wins, booked under the sub-module (property)', () => {
    const leaves = {
      scientific: 'equipment.scientific',
      it: 'equipment.it',
      other: 'equipment.other',
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.constantFrom('scientific' as const, 'it' as const, 'other' as const),
        (kgCo2eq, subModule) => {
          const result = calculateEntry(equipment, subModule, row(), kgCo2eq, context);
          expect(result.emissions).toEqual([
            { emissionType: leaves[subModule], kgCo2eq, factorIds: [] },
          ]);
          expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
        },
      ),
    );
  });

  it('refuses a sub-module it does not serve', () => {
    expect(() => equipment.overrideEmissionType('plane')).toThrow(/plane/);
  });
});
