import { z } from 'zod';
import {
  type CalculationResult,
  type EntryType,
  missingFactor,
  missingReference,
} from '../calculation.js';
import { greatCircleKm } from '../geo.js';
import { journeyFields } from './journey.js';

/** Rail distance over great-circle distance: lines are not straight. */
export const TRAIN_DETOUR_RATIO = 1.2;

/** The classification of the fallback factor for countries the year's set does not list. */
export const TRAIN_FALLBACK_COUNTRY = 'RoW';

export const TRAIN_CLASSES = ['first', 'second'] as const;

const station = z.string().trim().min(1).max(200);
const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code');

export const trainTripFields = z.object({
  origin: station.describe('Name of the departure station, e.g. Lausanne'),
  originCountry: country.describe('ISO 3166-1 alpha-2 code of the departure station, e.g. CH'),
  destination: station.describe('Name of the arrival station, e.g. Paris Gare de Lyon'),
  destinationCountry: country.describe('ISO 3166-1 alpha-2 code of the arrival station, e.g. FR'),
  ...journeyFields,
  class: z.enum(TRAIN_CLASSES).default('second').describe('Travel class'),
});

export type TrainTripFields = z.output<typeof trainTripFields>;

/**
 * distance = great-circle(origin, destination) × 1.2 (or the supplier's distance);
 * kg = distance × trips × (2 if round trip) × EF[country of the origin station]
 * × (firstClassMultiplier if first class). A country without a factor uses the `RoW` factor;
 * without either the row is flagged.
 */
export const trainTrip: EntryType<typeof trainTripFields> = {
  id: 'train-trip',
  module: 'professional-travel',
  subModules: ['train'],
  fields: trainTripFields,
  factorSets: ['train'],
  overrideEmissionType: () => 'travel.train',
  calculate(fields, { factors, references }): CalculationResult {
    let distanceKm = fields.distanceKm;
    if (distanceKm === undefined) {
      const from = references.station?.(fields.origin, fields.originCountry);
      const to = references.station?.(fields.destination, fields.destinationCountry);
      if (!from || !to) {
        const unknown = !from
          ? `${fields.origin} (${fields.originCountry})`
          : `${fields.destination} (${fields.destinationCountry})`;
        return {
          emissions: [],
          flags: [missingReference(`station ${unknown}`, `Unknown station ${unknown}.`)],
        };
      }
      distanceKm = greatCircleKm(from, to) * TRAIN_DETOUR_RATIO;
    }
    const factor = factors.findFirst('train', [
      { country: fields.originCountry },
      { country: TRAIN_FALLBACK_COUNTRY },
    ]);
    if (!factor || factor.values.kgCo2eqPerKm == null) {
      const flag = missingFactor('train', { country: fields.originCountry });
      flag.message = `No train factor for country ${fields.originCountry} nor for ${TRAIN_FALLBACK_COUNTRY} in this year's factor set.`;
      return { emissions: [], flags: [flag] };
    }
    const legs = fields.trips * (fields.roundTrip ? 2 : 1);
    const passengerKm = distanceKm * legs;
    const classMultiplier =
      fields.class === 'first' ? (factor.values.firstClassMultiplier ?? 1) : 1;
    return {
      emissions: [
        {
          emissionType: 'travel.train',
          kgCo2eq: passengerKm * factor.values.kgCo2eqPerKm * classMultiplier,
          quantity: { value: passengerKm, unit: 'km' },
          factorIds: [factor.id],
        },
      ],
      flags: [],
    };
  },
};
