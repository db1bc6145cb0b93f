/**
 * Derived outputs of a footprint: figures computed from totals for reporting, never stored as
 * emissions. Pure functions; a ratio that has no meaning is `null`, not 0 or Infinity.
 * Documented in docs/methodology/derived-outputs.md.
 */
import { EMISSION_TYPES, type EmissionTypeInfo } from './emission-types.js';
import type { FactorIndex } from './factors.js';

/** Tonnes of CO2-eq from kilograms. */
export function tonnes(kg: number): number {
  return kg / 1000;
}

/** kg CO2-eq per full-time equivalent; null without a positive headcount. */
export function perFte(kg: number, fte: number): number | null {
  return fte > 0 ? kg / fte : null;
}

/**
 * Change from the previous year's total, in percent of it: +25 means a quarter more. Null when
 * there is no previous total or it is 0.
 */
export function yearOverYear(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/**
 * The car factor of the equivalence, in the year's factor set: set `equivalents`,
 * classification `{ equivalent: 'car-km' }`, value `kgCo2eqPerKm`.
 */
export const CAR_KM_FACTOR = {
  factorSet: 'equivalents',
  classification: { equivalent: 'car-km' },
  value: 'kgCo2eqPerKm',
} as const;

/** The year's kg CO2-eq per car-km (see CAR_KM_FACTOR), if the set has it. */
export function carKgPerKm(factors: FactorIndex): number | undefined {
  const factor = factors.find(CAR_KM_FACTOR.factorSet, CAR_KM_FACTOR.classification);
  return factor?.values[CAR_KM_FACTOR.value] ?? undefined;
}

/**
 * The footprint as kilometres driven by an average car: kg / (kg CO2-eq per car-km). Null
 * without a positive car factor.
 */
export function carKmEquivalent(kg: number, kgPerCarKm: number | null | undefined): number | null {
  if (kgPerCarKm === null || kgPerCarKm === undefined || !(kgPerCarKm > 0)) return null;
  return kg / kgPerCarKm;
}

/**
 * The "IT focus" total: the sum of the emission-type leaves flagged `itFocus` (IT equipment
 * electricity and purchases, computing facilities, cloud, AI). Other and unknown keys are
 * ignored.
 */
export function itFocusKg(byEmissionType: Readonly<Record<string, number>>): number {
  const types: Readonly<Record<string, EmissionTypeInfo>> = EMISSION_TYPES;
  return Object.entries(byEmissionType).reduce(
    (sum, [emissionType, kg]) =>
      Object.hasOwn(types, emissionType) && types[emissionType]!.itFocus ? sum + kg : sum,
    0,
  );
}
