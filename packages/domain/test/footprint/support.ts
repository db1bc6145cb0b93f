import {
  type CalculationContext,
  type Factor,
  FactorIndex,
  type References,
} from '../../src/index.js';

export interface FactorSpec {
  factorSet: string;
  classification: Record<string, string>;
  values: Record<string, number | null>;
  emissionType?: string | null;
}

/** A factor index of the given year from compact specs, with predictable ids. */
export function factorsOf(specs: FactorSpec[], year = 2025): FactorIndex {
  const factors: Factor[] = specs.map((spec, i) => ({
    id: `f${i + 1}`,
    factorSet: spec.factorSet,
    year,
    emissionType: spec.emissionType ?? null,
    classification: spec.classification,
    values: spec.values,
    unit: 'illustrative',
    source: 'illustrative',
  }));
  return new FactorIndex(year, factors);
}

export interface ReferenceSpec {
  airports?: Record<string, { latitude: number; longitude: number; country: string }>;
  stations?: Record<string, { latitude: number; longitude: number }>;
  rooms?: Record<string, { areaM2: number; roomType?: string }>;
  exchangeRates?: Record<string, number>;
  facilities?: Record<string, { kgCo2eq: number; totalUse: number; computing?: boolean }>;
}

/**
 * Reference data as a calculator sees it. Keys: stations `name|country`, rooms
 * `building|room`, exchange rates `FROM>TO`.
 */
export function referencesOf(spec: ReferenceSpec = {}): References {
  return {
    airport: (iata) => spec.airports?.[iata],
    station: (name, country) => spec.stations?.[`${name}|${country}`],
    room: (building, room) => spec.rooms?.[`${building}|${room}`],
    exchangeRate: (from, to) => (from === to ? 1 : spec.exchangeRates?.[`${from}>${to}`]),
    facility: (facility) => spec.facilities?.[facility],
  };
}

export function contextOf(
  factors: FactorSpec[],
  references: ReferenceSpec = {},
  year = 2025,
): CalculationContext {
  return { year, factors: factorsOf(factors, year), references: referencesOf(references) };
}
