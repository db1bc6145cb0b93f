import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAR_KM_FACTOR,
  carKgPerKm,
  carKmEquivalent,
  EMISSION_TYPE_IDS,
  EMISSION_TYPES,
  itFocusKg,
  perFte,
  tonnes,
  yearOverYear,
} from '../../src/index.js';
import { expectClose } from './close.js';
import { factorsOf } from './support.js';

describe('derived outputs', () => {
  it('converts kilograms to tonnes', () => {
    expect(tonnes(0)).toBe(0);
    expect(tonnes(1234.5)).toBe(1.2345);
  });

  it('divides by FTE, and has no ratio without headcount', () => {
    // 52,000 kg / 6.5 FTE = 8,000 kg per FTE
    expect(perFte(52_000, 6.5)).toBe(8000);
    expect(perFte(52_000, 0)).toBeNull();
    expect(perFte(52_000, -1)).toBeNull();
    expect(perFte(0, 3)).toBe(0);
  });

  it('gives the change from the previous year in percent', () => {
    // (125 − 100) / 100 = +25 %; (80 − 100) / 100 = −20 %; (0 − 40) / 40 = −100 %
    expect(yearOverYear(125, 100)).toBe(25);
    expect(yearOverYear(80, 100)).toBe(-20);
    expect(yearOverYear(0, 40)).toBe(-100);
    expect(yearOverYear(100, 100)).toBe(0);
    expect(yearOverYear(100, 0)).toBeNull();
    expect(yearOverYear(100, null)).toBeNull();
    expect(yearOverYear(100, undefined)).toBeNull();
  });

  it('expresses a footprint in car-km with the year factor', () => {
    const factors = factorsOf([
      {
        factorSet: CAR_KM_FACTOR.factorSet,
        classification: { ...CAR_KM_FACTOR.classification },
        values: { kgCo2eqPerKm: 0.2 },
      },
    ]);
    const kgPerKm = carKgPerKm(factors);
    expect(kgPerKm).toBe(0.2);
    // 1,000 kg / 0.2 kg per km = 5,000 km
    expect(carKmEquivalent(1000, kgPerKm)).toBe(5000);
    expect(carKgPerKm(factorsOf([]))).toBeUndefined();
    expect(carKmEquivalent(1000, carKgPerKm(factorsOf([])))).toBeNull();
    expect(carKmEquivalent(1000, 0)).toBeNull();
    expect(carKmEquivalent(1000, -0.2)).toBeNull();
    expect(carKmEquivalent(1000, null)).toBeNull();
  });

  it('sums the IT-focus leaves only', () => {
    const byEmissionType = {
      'equipment.it': 100,
      'purchases.it-equipment': 200,
      'facilities.computing': 300,
      'digital.cloud': 400,
      'digital.ai': 500,
      'equipment.scientific': 1000,
      'travel.plane': 2000,
      'not.a-leaf': 4000,
      toString: 8000,
    };
    // 100 + 200 + 300 + 400 + 500 = 1,500
    expect(itFocusKg(byEmissionType)).toBe(1500);
    expect(itFocusKg({})).toBe(0);
  });

  it('the IT-focus leaves are the ones flagged in the taxonomy', () => {
    const flagged = EMISSION_TYPE_IDS.filter((id) => 'itFocus' in EMISSION_TYPES[id]);
    expect(flagged.sort()).toEqual(
      [
        'digital.ai',
        'digital.cloud',
        'equipment.it',
        'facilities.computing',
        'purchases.it-equipment',
      ].sort(),
    );
  });

  it('IT focus is additive and never more than the total of non-negative leaves (property)', () => {
    const leaves = fc.dictionary(
      fc.constantFrom(...EMISSION_TYPE_IDS),
      fc.double({ min: 0, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(leaves, leaves, (a, b) => {
        const total = Object.values(a).reduce((sum, kg) => sum + kg, 0);
        expect(itFocusKg(a)).toBeLessThanOrEqual(total * (1 + 1e-12));
        const merged: Record<string, number> = { ...a };
        for (const [key, kg] of Object.entries(b)) merged[key] = (merged[key] ?? 0) + kg;
        expectClose(itFocusKg(merged), itFocusKg(a) + itFocusKg(b));
      }),
    );
  });

  it('ratios are consistent (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        (kg, fte, kgPerKm) => {
          expectClose(perFte(kg, fte)! * fte, kg);
          expectClose(carKmEquivalent(kg, kgPerKm)! * kgPerKm, kg);
          expectClose(tonnes(kg) * 1000, kg);
          fc.pre(kg > 0);
          expect(yearOverYear(kg, kg)).toBe(0);
          expectClose(yearOverYear(2 * kg, kg)!, 100);
        },
      ),
    );
  });
});
