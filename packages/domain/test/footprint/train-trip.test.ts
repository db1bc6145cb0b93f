import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateEntry,
  entryTypeOf,
  greatCircleKm,
  totalKg,
  TRAIN_DETOUR_RATIO,
  trainTrip,
} from '../../src/index.js';
import { contextOf, type FactorSpec } from './support.js';

const country = (code: string, kgCo2eqPerKm: number | null, firstClassMultiplier?: number) => ({
  factorSet: 'train',
  classification: { country: code },
  values: { kgCo2eqPerKm, firstClassMultiplier: firstClassMultiplier ?? null },
});

const factors: FactorSpec[] = [
  country('XX', 0.01, 1.5), // f1
  country('YY', 0.1), // f2
  country('RoW', 0.05), // f3
];
const stations = {
  'Alpha|XX': { latitude: 0, longitude: 0 },
  'Beta|XX': { latitude: 0, longitude: 1 }, // one degree of the equator east of Alpha
  'Gamma|YY': { latitude: 0, longitude: 2 },
  'Delta|ZZ': { latitude: 0, longitude: 3 },
};
const context = contextOf(factors, { stations });
const trip = (fields: Record<string, unknown> = {}) =>
  trainTrip.fields.parse({
    origin: 'Alpha',
    originCountry: 'XX',
    destination: 'Beta',
    destinationCountry: 'XX',
    traveller: 'T',
    date: '2025-01-01',
    ...fields,
  });

// One degree of a great circle: 2π × 6371.0088 / 360 = 111.19508 km (computed with python3);
// × 1.2 = 133.43410 km of rail.
const ALPHA_BETA_KM = 133.4341;

describe('train trip', () => {
  it('serves the train sub-module of professional travel', () => {
    expect(entryTypeOf('train')).toBe(trainTrip);
    expect(trainTrip.module).toBe('professional-travel');
    expect(trainTrip.factorSets).toEqual(['train']);
    expect(trainTrip.overrideEmissionType('train')).toBe('travel.train');
  });

  it('multiplies the great-circle distance by 1.2 and the origin country factor (golden)', () => {
    // 111.19508 × 1.2 = 133.43410 passenger-km × 0.01 = 1.33434 kg
    const result = trainTrip.calculate(trip(), context, 'train');
    expect(greatCircleKm(stations['Alpha|XX'], stations['Beta|XX'])).toBeCloseTo(111.19508, 4);
    expect(TRAIN_DETOUR_RATIO).toBe(1.2);
    expect(result.emissions).toHaveLength(1);
    const [line] = result.emissions;
    expect(line!.emissionType).toBe('travel.train');
    expect(line!.kgCo2eq).toBeCloseTo(1.33434, 5);
    expect(line!.quantity!.unit).toBe('km');
    expect(line!.quantity!.value).toBeCloseTo(ALPHA_BETA_KM, 4);
    expect(line!.factorIds).toEqual(['f1']);
    expect(result.flags).toEqual([]);
  });

  it('counts trips and round trips and applies the first-class multiplier (golden)', () => {
    // 133.43410 × 3 trips × 2 (return) = 800.60458 passenger-km × 0.01 × 1.5 = 12.00907 kg
    const result = trainTrip.calculate(
      trip({ trips: 3, roundTrip: true, class: 'first' }),
      context,
      'train',
    );
    expect(totalKg(result)).toBeCloseTo(12.00907, 5);
    expect(result.emissions[0]!.quantity!.value).toBeCloseTo(800.60458, 4);
  });

  it('first class without a multiplier in the factor costs the same as second class', () => {
    // Gamma (YY) to Alpha: 2 degrees = 222.39016 km × 1.2 = 266.86819 km × 0.1 = 26.68682 kg
    const second = trainTrip.calculate(
      trip({ origin: 'Gamma', originCountry: 'YY', destination: 'Alpha' }),
      context,
      'train',
    );
    const first = trainTrip.calculate(
      trip({ origin: 'Gamma', originCountry: 'YY', destination: 'Alpha', class: 'first' }),
      context,
      'train',
    );
    expect(totalKg(second)).toBeCloseTo(26.68682, 5);
    expect(totalKg(first)).toBe(totalKg(second));
  });

  it('uses the country of the origin station for the whole journey', () => {
    // Beta (XX) to Gamma (YY): 111.19508 × 1.2 = 133.43410 km × 0.01 (XX, not YY's 0.1)
    const result = trainTrip.calculate(
      trip({ origin: 'Beta', destination: 'Gamma', destinationCountry: 'YY' }),
      context,
      'train',
    );
    expect(result.emissions[0]!.factorIds).toEqual(['f1']);
    expect(totalKg(result)).toBeCloseTo(1.33434, 5);
  });

  it('falls back to the RoW factor without a flag for a country the set does not list', () => {
    // Delta (ZZ) to Gamma: 111.19508 × 1.2 = 133.43410 km × 0.05 (RoW) = 6.67170 kg
    const result = trainTrip.calculate(
      trip({
        origin: 'Delta',
        originCountry: 'ZZ',
        destination: 'Gamma',
        destinationCountry: 'YY',
      }),
      context,
      'train',
    );
    expect(result.emissions[0]!.factorIds).toEqual(['f3']);
    expect(totalKg(result)).toBeCloseTo(6.6717, 4);
    expect(result.flags).toEqual([]);
  });

  it('uses the supplier distance when given, without looking the stations up', () => {
    // 250 km × 2 (return) × 0.01 = 5 kg
    const result = trainTrip.calculate(
      trip({ origin: 'Nowhere', destination: 'Elsewhere', distanceKm: 250, roundTrip: true }),
      context,
      'train',
    );
    expect(totalKg(result)).toBeCloseTo(5, 9);
    expect(result.flags).toEqual([]);
  });

  it('keeps and flags a row with an unknown station', () => {
    const result = trainTrip.calculate(trip({ destination: 'Omega' }), context, 'train');
    expect(result).toEqual({
      emissions: [],
      flags: [
        {
          code: 'missing-reference',
          reference: 'station Omega (XX)',
          message: 'Unknown station Omega (XX).',
        },
      ],
    });
    // The station is looked up with its country: Beta exists in XX, not in YY.
    const wrongCountry = trainTrip.calculate(trip({ destinationCountry: 'YY' }), context, 'train');
    expect(wrongCountry.flags.map((flag) => flag.code)).toEqual(['missing-reference']);
  });

  it('keeps and flags a row when neither the country nor RoW has a factor', () => {
    const result = trainTrip.calculate(
      trip({
        origin: 'Delta',
        originCountry: 'ZZ',
        destination: 'Gamma',
        destinationCountry: 'YY',
      }),
      contextOf([country('XX', 0.01)], { stations }),
      'train',
    );
    expect(result).toEqual({
      emissions: [],
      flags: [
        {
          code: 'missing-factor',
          factorSet: 'train',
          classification: { country: 'ZZ' },
          message: "No train factor for country ZZ nor for RoW in this year's factor set.",
        },
      ],
    });
  });

  it('flags a country factor without value rather than falling back to RoW', () => {
    const result = trainTrip.calculate(
      trip(),
      contextOf([country('XX', null), country('RoW', 0.05)], { stations }),
      'train',
    );
    expect(result.emissions).toEqual([]);
    expect(result.flags.map((flag) => flag.code)).toEqual(['missing-factor']);
  });

  it('accepts well-formed rows, with defaults and upper-cased countries', () => {
    expect(trip({ originCountry: 'xx', destinationCountry: ' xx ' })).toMatchObject({
      originCountry: 'XX',
      destinationCountry: 'XX',
      trips: 1,
      class: 'second',
      roundTrip: false,
    });
  });

  it('rejects malformed rows', () => {
    for (const bad of [
      { origin: '' },
      { destination: '   ' },
      { originCountry: 'CHE' },
      { destinationCountry: 'C' },
      { originCountry: 'RoW' },
      { originCountry: '1A' },
      { trips: 0 },
      { trips: 1.5 },
      { class: 'business' },
      { roundTrip: 'yes' },
      { date: '2025-02-30' },
      { date: '12/03/2025' },
      { distanceKm: 0 },
      { distanceKm: -5 },
      { traveller: '' },
    ]) {
      expect(
        trainTrip.fields.safeParse({
          origin: 'Alpha',
          originCountry: 'XX',
          destination: 'Beta',
          destinationCountry: 'XX',
          traveller: 'T',
          date: '2025-01-01',
          ...bad,
        }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it('the same station at both ends gives zero (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        fc.constantFrom('first', 'second'),
        (trips, roundTrip, klass) => {
          const result = trainTrip.calculate(
            trip({ destination: 'Alpha', trips, roundTrip, class: klass }),
            context,
            'train',
          );
          expect(result.emissions).toHaveLength(1);
          expect(totalKg(result)).toBe(0);
        },
      ),
    );
  });

  it('is linear in trips and distance, and a round trip counts twice (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.1, max: 40_000, noNaN: true }),
        (trips, km) => {
          const one = totalKg(trainTrip.calculate(trip({ distanceKm: km }), context, 'train'));
          const many = totalKg(
            trainTrip.calculate(trip({ distanceKm: km, trips }), context, 'train'),
          );
          const back = totalKg(
            trainTrip.calculate(trip({ distanceKm: km, roundTrip: true }), context, 'train'),
          );
          expect(one).toBeCloseTo(km * 0.01, 6);
          expect(many).toBeCloseTo(one * trips, 6);
          expect(back).toBeCloseTo(one * 2, 6);
        },
      ),
    );
  });

  it('an override always wins (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (kg) => {
        const result = calculateEntry(trainTrip, 'train', trip(), kg, context);
        expect(result.emissions).toEqual([
          { emissionType: 'travel.train', kgCo2eq: kg, factorIds: [] },
        ]);
        expect(result.flags.map((flag) => flag.code)).toEqual(['override']);
      }),
    );
  });

  it('a country without factor nor RoW is kept and flagged, never dropped (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2}$/).filter((code) => code !== 'XX'),
        fc.double({ min: 0.1, max: 40_000, noNaN: true }),
        (code, km) => {
          const result = calculateEntry(
            trainTrip,
            'train',
            trip({ originCountry: code, distanceKm: km }),
            null,
            contextOf([country('XX', 0.01)]),
          );
          expect(result.emissions).toEqual([]);
          expect(result.flags).toMatchObject([
            { code: 'missing-factor', factorSet: 'train', classification: { country: code } },
          ]);
        },
      ),
    );
  });
});
