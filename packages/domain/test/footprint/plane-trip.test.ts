import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateEntry,
  greatCircleKm,
  planeTrip,
  PLANE_DETOUR_KM,
  totalKg,
} from '../../src/index.js';
import { contextOf } from './support.js';

const bands = [
  {
    factorSet: 'plane',
    classification: { haul: 'short', class: 'economy' },
    values: { kgCo2eqPerKm: 0.2, minDistanceKm: 0, maxDistanceKm: 1000, rfi: 2 },
  },
  {
    factorSet: 'plane',
    classification: { haul: 'long', class: 'economy' },
    values: { kgCo2eqPerKm: 0.1, minDistanceKm: 1000, maxDistanceKm: null, rfi: 2 },
  },
  {
    factorSet: 'plane',
    classification: { haul: 'long', class: 'business' },
    values: { kgCo2eqPerKm: 0.3, minDistanceKm: 1000, maxDistanceKm: null, rfi: null },
  },
];
const airports = {
  AAA: { latitude: 0, longitude: 0, country: 'XX' },
  BBB: { latitude: 0, longitude: 1, country: 'XX' }, // ≈ 111.2 km east of AAA
  CCC: { latitude: 0, longitude: 20, country: 'YY' },
};
const context = contextOf(bands, { airports });
const trip = (fields: Record<string, unknown>) =>
  planeTrip.fields.parse({
    origin: 'AAA',
    destination: 'BBB',
    traveller: 'T',
    date: '2025-01-01',
    ...fields,
  });

describe('plane trip', () => {
  it('adds 95 km to the great-circle distance and picks the band by distance', () => {
    const result = planeTrip.calculate(trip({}), context, 'plane');
    const distance = greatCircleKm(airports.AAA, airports.BBB) + PLANE_DETOUR_KM;
    expect(distance).toBeCloseTo(206.2, 1);
    expect(result.emissions).toEqual([
      {
        emissionType: 'travel.plane',
        kgCo2eq: distance * 0.2 * 2,
        quantity: { value: distance, unit: 'km' },
        factorIds: ['f1'],
      },
    ]);
  });

  it('counts trips and round trips, uses the class factor and an RFI of 1 when the set has none', () => {
    const result = planeTrip.calculate(
      trip({ destination: 'CCC', class: 'business', trips: 3, roundTrip: true }),
      context,
      'plane',
    );
    const distance = greatCircleKm(airports.AAA, airports.CCC) + PLANE_DETOUR_KM;
    expect(totalKg(result)).toBeCloseTo(distance * 6 * 0.3, 6);
    expect(result.emissions[0]!.factorIds).toEqual(['f3']);
  });

  it('falls back to economy for a class without a factor in the band', () => {
    const result = planeTrip.calculate(trip({ class: 'first' }), context, 'plane');
    expect(result.emissions[0]!.factorIds).toEqual(['f1']);
  });

  it('uses the supplier distance when given', () => {
    const result = planeTrip.calculate(trip({ distanceKm: 5000 }), context, 'plane');
    expect(totalKg(result)).toBeCloseTo(5000 * 0.1 * 2, 6);
  });

  it('keeps and flags a row without factor or with an unknown airport', () => {
    const noFactors = planeTrip.calculate(trip({}), contextOf([], { airports }), 'plane');
    expect(noFactors.emissions).toEqual([]);
    expect(noFactors.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
    const unknown = planeTrip.calculate(trip({ destination: 'ZZZ' }), context, 'plane');
    expect(unknown.flags).toEqual([
      { code: 'missing-reference', reference: 'airport ZZZ', message: 'Unknown airport ZZZ.' },
    ]);
  });

  it('rejects malformed rows', () => {
    for (const bad of [
      { origin: 'GENEVA' },
      { trips: 0 },
      { class: 'cargo' },
      { date: '2025-13-01' },
      { distanceKm: -5 },
    ]) {
      expect(
        planeTrip.fields.safeParse({
          origin: 'AAA',
          destination: 'BBB',
          traveller: 'T',
          date: '2025-01-01',
          ...bad,
        }).success,
      ).toBe(false);
    }
  });

  it('is linear in trips and distance, and zero distance gives zero (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 1, max: 20000, noNaN: true }),
        (trips, km) => {
          const one = totalKg(planeTrip.calculate(trip({ distanceKm: km }), context, 'plane'));
          const many = totalKg(
            planeTrip.calculate(trip({ distanceKm: km, trips }), context, 'plane'),
          );
          expect(many).toBeCloseTo(one * trips, 6);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (kg) => {
        const result = calculateEntry(planeTrip, 'plane', trip({}), kg, context);
        expect(totalKg(result)).toBe(kg);
        expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
      }),
    );
  });
});
