import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILDING_USES,
  buildingRoom,
  type CalculationResult,
  calculateEntry,
  totalKg,
} from '../../src/index.js';
import { contextOf, type FactorSpec, type ReferenceSpec } from './support.js';

const intensity = (building: string, roomType: string, use: string, kwhPerM2: number | null) => ({
  factorSet: 'building-energy',
  classification: { building, roomType, use },
  values: { kwhPerM2 },
});
const heating = (building: string, energy: string, share: number | null) => ({
  factorSet: 'building-heating',
  classification: { building, energy },
  values: { share },
});
const heat = (energy: string, kgCo2eqPerKwh: number) => ({
  factorSet: 'heat',
  classification: { energy },
  values: { kgCo2eqPerKwh },
});

const factors: FactorSpec[] = [
  intensity('BC', 'office', 'heating', 100), // f1
  intensity('*', 'office', 'heating', 80), // f2
  intensity('*', 'office', 'cooling', 5), // f3
  intensity('*', 'office', 'ventilation', 20), // f4
  intensity('*', 'office', 'lighting', 10), // f5
  heating('BC', 'district-heating', 0.75), // f6
  heating('BC', 'electricity', 0.25), // f7
  heating('*', 'natural-gas', 1), // f8
  heat('district-heating', 0.2), // f9
  heat('natural-gas', 0.25), // f10
  // f11:
  { factorSet: 'electricity', classification: { mix: 'default' }, values: { kgCo2eqPerKwh: 0.1 } },
];
const rooms: ReferenceSpec['rooms'] = {
  'BC|BC 410': { areaM2: 24, roomType: 'office' },
  'AB|AB 1': { areaM2: 40, roomType: 'office' },
  'XY|X 1': { areaM2: 10 },
};
const context = contextOf(factors, { rooms });
const row = (fields: Record<string, unknown> = {}) =>
  buildingRoom.fields.parse({ building: 'BC', room: 'BC 410', allocationRatio: 0.5, ...fields });
const without = (...ids: number[]) => factors.filter((_, i) => !ids.includes(i + 1));

function byType(result: CalculationResult): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const line of result.emissions) {
    sums[line.emissionType] = (sums[line.emissionType] ?? 0) + line.kgCo2eq;
  }
  return sums;
}

describe('building room', () => {
  it('computes every use of the allocated area and splits heating by energy (golden)', () => {
    // 24 m² × 0.5 = 12 m². Heating 12 × 100 = 1,200 kWh: 900 kWh district heating × 0.2 = 180,
    // 300 kWh electric × 0.1 = 30. Cooling 12 × 5 = 60 kWh × 0.1 = 6; ventilation 12 × 20 =
    // 240 kWh → 24; lighting 12 × 10 = 120 kWh → 12. Total 252 kg.
    const result = buildingRoom.calculate(row(), context, 'rooms');
    expect(result.flags).toEqual([]);
    const lines = result.emissions.map((line) => ({
      ...line,
      kgCo2eq: Number(line.kgCo2eq.toFixed(9)),
      quantity: { ...line.quantity!, value: Number(line.quantity!.value.toFixed(9)) },
    }));
    expect(lines).toEqual([
      {
        emissionType: 'buildings.heating.thermal',
        kgCo2eq: 180,
        quantity: { value: 900, unit: 'kWh' },
        factorIds: ['f1', 'f6', 'f9'],
      },
      {
        emissionType: 'buildings.heating.electric',
        kgCo2eq: 30,
        quantity: { value: 300, unit: 'kWh' },
        factorIds: ['f1', 'f7', 'f11'],
      },
      {
        emissionType: 'buildings.cooling',
        kgCo2eq: 6,
        quantity: { value: 60, unit: 'kWh' },
        factorIds: ['f3', 'f11'],
      },
      {
        emissionType: 'buildings.ventilation',
        kgCo2eq: 24,
        quantity: { value: 240, unit: 'kWh' },
        factorIds: ['f4', 'f11'],
      },
      {
        emissionType: 'buildings.lighting',
        kgCo2eq: 12,
        quantity: { value: 120, unit: 'kWh' },
        factorIds: ['f5', 'f11'],
      },
    ]);
    expect(totalKg(result)).toBeCloseTo(252, 9);
  });

  it('falls back to building * for intensities and heating energies (golden)', () => {
    // 40 m² × 1: heating 40 × 80 = 3,200 kWh of natural gas × 0.25 = 800; cooling 200 kWh → 20;
    // ventilation 800 kWh → 80; lighting 400 kWh → 40. Total 940 kg.
    const result = buildingRoom.calculate(
      row({ building: 'AB', room: 'AB 1', allocationRatio: 1 }),
      context,
      'rooms',
    );
    expect(result.flags).toEqual([]);
    expect(result.emissions[0]!.factorIds).toEqual(['f2', 'f8', 'f10']);
    const sums = byType(result);
    expect(Object.keys(sums)).toEqual([
      'buildings.heating.thermal',
      'buildings.cooling',
      'buildings.ventilation',
      'buildings.lighting',
    ]);
    expect(sums['buildings.heating.thermal']).toBeCloseTo(800, 9);
    expect(totalKg(result)).toBeCloseTo(940, 9);
  });

  it("uses the row's room type over the reference's, and needs one of them", () => {
    const lab = buildingRoom.calculate(row({ roomType: 'laboratory' }), context, 'rooms');
    expect(lab.emissions).toEqual([]);
    expect(lab.flags.map((flag) => flag.code)).toEqual(Array(4).fill('missing-factor'));
    expect(lab.flags[0]).toMatchObject({
      factorSet: 'building-energy',
      classification: { building: 'BC', roomType: 'laboratory', use: 'heating' },
    });

    const untyped = buildingRoom.calculate(row({ building: 'XY', room: 'X 1' }), context, 'rooms');
    expect(untyped.emissions).toEqual([]);
    expect(untyped.flags).toEqual([
      {
        code: 'missing-reference',
        reference: 'room type XY/X 1',
        message: 'Room X 1 in building XY has no room type: give one with the row.',
      },
    ]);
    // 10 m² × 0.5 = 5 m² of office with the fallback factors; natural gas: 5 × 80 × 0.25 = 100,
    // then 5 × (5 + 20 + 10) × 0.1 = 17.5. Total 117.5 kg.
    const typed = buildingRoom.calculate(
      row({ building: 'XY', room: 'X 1', roomType: 'office' }),
      context,
      'rooms',
    );
    expect(typed.flags).toEqual([]);
    expect(totalKg(typed)).toBeCloseTo(117.5, 9);
  });

  it('keeps and flags a row whose room is unknown', () => {
    const result = buildingRoom.calculate(row({ room: 'BC 999' }), context, 'rooms');
    expect(result).toEqual({
      emissions: [],
      flags: [
        {
          code: 'missing-reference',
          reference: 'room BC/BC 999',
          message: 'Unknown room BC 999 in building BC.',
        },
      ],
    });
  });

  it('a use without intensity is flagged while the other uses still count', () => {
    const result = buildingRoom.calculate(row(), contextOf(without(5), { rooms }), 'rooms');
    expect(result.flags).toEqual([
      expect.objectContaining({
        code: 'missing-factor',
        factorSet: 'building-energy',
        classification: { building: 'BC', roomType: 'office', use: 'lighting' },
      }),
    ]);
    expect(byType(result)['buildings.lighting']).toBeUndefined();
    expect(totalKg(result)).toBeCloseTo(252 - 12, 9);
  });

  it('flags a missing heating split, heat factor or electricity factor (once)', () => {
    const noSplit = buildingRoom.calculate(
      row({ building: 'AB', room: 'AB 1' }),
      contextOf(without(8), { rooms }),
      'rooms',
    );
    expect(noSplit.flags).toEqual([
      expect.objectContaining({
        factorSet: 'building-heating',
        classification: { building: 'AB' },
      }),
    ]);
    expect(byType(noSplit)['buildings.heating.thermal']).toBeUndefined();
    expect(totalKg(noSplit)).toBeCloseTo(0.5 * (940 - 800), 9);

    const noHeat = buildingRoom.calculate(row(), contextOf(without(9), { rooms }), 'rooms');
    expect(noHeat.flags).toEqual([
      expect.objectContaining({
        factorSet: 'heat',
        classification: { energy: 'district-heating' },
      }),
    ]);
    expect(totalKg(noHeat)).toBeCloseTo(252 - 180, 9);

    const noElectricity = buildingRoom.calculate(row(), contextOf(without(11), { rooms }), 'rooms');
    expect(noElectricity.flags).toEqual([
      expect.objectContaining({ factorSet: 'electricity', classification: { mix: 'default' } }),
    ]);
    expect(noElectricity.emissions.map((line) => line.emissionType)).toEqual([
      'buildings.heating.thermal',
    ]);
    expect(totalKg(noElectricity)).toBeCloseTo(180, 9);
  });

  it('treats an intensity without value as absent: the chain goes on, then flags', () => {
    // BC's own cooling intensity is empty (f12): the building * one (f3) applies, total 252 kg.
    const ownEmpty = [...factors, intensity('BC', 'office', 'cooling', null)];
    const fallback = buildingRoom.calculate(row(), contextOf(ownEmpty, { rooms }), 'rooms');
    expect(fallback.flags).toEqual([]);
    expect(fallback.emissions.find((line) => line.emissionType === 'buildings.cooling')).toEqual(
      expect.objectContaining({ factorIds: ['f3', 'f11'] }),
    );
    expect(totalKg(fallback)).toBeCloseTo(252, 9);

    const nulled = [...without(3), intensity('*', 'office', 'cooling', null)];
    const result = buildingRoom.calculate(row(), contextOf(nulled, { rooms }), 'rooms');
    expect(result.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
    expect(totalKg(result)).toBeCloseTo(252 - 6, 9);
  });

  it('validates its fields', () => {
    expect(buildingRoom.fields.parse({ building: ' BC ', room: 'BC 410' })).toEqual({
      building: 'BC',
      room: 'BC 410',
      allocationRatio: 1,
    });
    for (const bad of [
      { allocationRatio: 1.5 },
      { allocationRatio: -0.1 },
      { building: '*' },
      { building: '' },
      { room: '  ' },
      { roomType: '*' },
      { allocationRatio: '0.5' },
    ]) {
      expect(
        buildingRoom.fields.safeParse({ building: 'BC', room: 'BC 410', ...bad }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('is linear in the area and the allocation ratio; zero gives zero (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (areaM2, ratio) => {
          const ctx = contextOf(factors, { rooms: { 'BC|R': { areaM2, roomType: 'office' } } });
          const kg = totalKg(
            buildingRoom.calculate(row({ room: 'R', allocationRatio: ratio }), ctx, 'rooms'),
          );
          // 252 kg for 12 m² of BC office: 21 kg per m².
          expect(kg).toBeCloseTo(areaM2 * ratio * 21, 6);
          const zero = buildingRoom.calculate(row({ room: 'R', allocationRatio: 0 }), ctx, 'rooms');
          expect(totalKg(zero)).toBe(0);
        },
      ),
    );
  });

  it('a missing intensity flags its use and never drops the others (property)', () => {
    fc.assert(
      fc.property(fc.subarray([...BUILDING_USES]), (missing) => {
        const kept = factors.filter(
          (factor) =>
            factor.factorSet !== 'building-energy' ||
            !missing.includes(factor.classification.use as (typeof BUILDING_USES)[number]),
        );
        const result = buildingRoom.calculate(row(), contextOf(kept, { rooms }), 'rooms');
        const flagged = result.flags.map((flag) =>
          flag.code === 'missing-factor' ? flag.classification.use : flag.code,
        );
        expect(flagged).toEqual(BUILDING_USES.filter((use) => missing.includes(use)));
        const expected = { heating: 210, cooling: 6, ventilation: 24, lighting: 12 };
        const sum = BUILDING_USES.filter((use) => !missing.includes(use)).reduce(
          (total, use) => total + expected[use],
          0,
        );
        expect(totalKg(result)).toBeCloseTo(sum, 9);
      }),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (kg) => {
        const result = calculateEntry(buildingRoom, 'rooms', row(), kg, contextOf([]));
        expect(result.emissions).toEqual([
          { emissionType: 'buildings.heating.thermal', kgCo2eq: kg, factorIds: [] },
        ]);
        expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
      }),
    );
  });
});
