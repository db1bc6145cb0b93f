import { z } from 'zod';
import {
  type CalculationResult,
  type EntryType,
  missingFactor,
  missingReference,
} from '../calculation.js';
import type { Factor } from '../factors.js';
import { greatCircleKm } from '../geo.js';
import { journeyFields } from './journey.js';

/** Added to the great-circle distance: detours, holding patterns, approach (DGAC/ADEME). */
export const PLANE_DETOUR_KM = 95;

export const FLIGHT_CLASSES = ['economy', 'premium-economy', 'business', 'first'] as const;

const iata = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter IATA airport code');

export const planeTripFields = z.object({
  origin: iata.describe('IATA code of the departure airport, e.g. GVA'),
  destination: iata.describe('IATA code of the arrival airport, e.g. JFK'),
  ...journeyFields,
  class: z
    .enum(FLIGHT_CLASSES)
    .default('economy')
    .describe('Cabin class; without a factor for it in the haul band, economy is used'),
});

export type PlaneTripFields = z.output<typeof planeTripFields>;

/** The haul band of a distance: the factor whose `minDistanceKm ≤ d < maxDistanceKm`. */
function haulFactor(factors: Factor[], distanceKm: number): Factor | undefined {
  return factors.find((factor) => {
    const min = factor.values.minDistanceKm ?? 0;
    const max = factor.values.maxDistanceKm ?? Number.POSITIVE_INFINITY;
    return distanceKm >= min && distanceKm < max;
  });
}

/**
 * distance = great-circle(origin, destination) + 95 km (or the supplier's distance);
 * kg = distance × trips × (2 if round trip) × EF[haul, class] × RFI. The haul band comes from
 * the factors' distance bounds; a class without a factor in that band falls back to economy.
 */
export const planeTrip: EntryType<typeof planeTripFields> = {
  id: 'plane-trip',
  module: 'professional-travel',
  subModules: ['plane'],
  fields: planeTripFields,
  factorSets: ['plane'],
  overrideEmissionType: () => 'travel.plane',
  calculate(fields, { factors, references }): CalculationResult {
    let distanceKm = fields.distanceKm;
    if (distanceKm === undefined) {
      const from = references.airport?.(fields.origin);
      const to = references.airport?.(fields.destination);
      if (!from || !to) {
        const unknown = !from ? fields.origin : fields.destination;
        return {
          emissions: [],
          flags: [missingReference(`airport ${unknown}`, `Unknown airport ${unknown}.`)],
        };
      }
      distanceKm = greatCircleKm(from, to) + PLANE_DETOUR_KM;
    }
    const factor =
      haulFactor(factors.filter('plane', { class: fields.class }), distanceKm) ??
      haulFactor(factors.filter('plane', { class: 'economy' }), distanceKm);
    if (!factor || factor.values.kgCo2eqPerKm == null) {
      return { emissions: [], flags: [missingFactor('plane', { class: fields.class })] };
    }
    const legs = fields.trips * (fields.roundTrip ? 2 : 1);
    const passengerKm = distanceKm * legs;
    const rfi = factor.values.rfi ?? 1;
    return {
      emissions: [
        {
          emissionType: 'travel.plane',
          kgCo2eq: passengerKm * factor.values.kgCo2eqPerKm * rfi,
          quantity: { value: passengerKm, unit: 'km' },
          factorIds: [factor.id],
        },
      ],
      flags: [],
    };
  },
};
