import type { z } from 'zod';
import type { EmissionTypeId } from './emission-types.js';
import type { FactorIndex, FactorQuery } from './factors.js';
import type { Coordinates } from './geo.js';
import type { ModuleId, SubModuleId } from './modules.js';

/** Physical quantities an emission is the product of, in the units fields and factors use. */
export type QuantityUnit = 'km' | 'kWh' | 'kg' | 'l' | 'm2' | 'EUR' | 'FTE' | 'request' | 'unit';

export interface EmissionLine {
  emissionType: EmissionTypeId;
  kgCo2eq: number;
  /** What was multiplied by the factor: 1,234 passenger-km, 5,600 kWh… */
  quantity?: { value: number; unit: QuantityUnit };
  /** The factors used, for traceability. */
  factorIds: string[];
}

/** Something a reviewer must know about a row; the row is kept whatever the flag. */
export type CalculationFlag =
  | { code: 'missing-factor'; factorSet: string; classification: FactorQuery; message: string }
  | { code: 'missing-reference'; reference: string; message: string }
  | { code: 'override'; message: string }
  | { code: 'outlier'; thresholdKg: number; message: string };

export interface CalculationResult {
  emissions: EmissionLine[];
  flags: CalculationFlag[];
}

/** Reference data a calculator may look up; the caller loads what the rows refer to. */
export interface References {
  airport?(iata: string): (Coordinates & { country: string }) | undefined;
  station?(name: string, country: string): Coordinates | undefined;
  room?(building: string, room: string): { areaM2: number; roomType?: string } | undefined;
  /** Average rate of the year: units of `to` for one unit of `from`. */
  exchangeRate?(from: string, to: string): number | undefined;
  /** A research facility's own footprint for the year and the total use it is shared by. */
  facility?(
    facility: string,
  ): { kgCo2eq: number; totalUse: number; computing?: boolean } | undefined;
}

export interface CalculationContext {
  year: number;
  factors: FactorIndex;
  references: References;
}

/**
 * One data-entry type: the fields of its rows (validated the same way by the API, the CSV
 * importer and the web forms) and the pure function turning a row into emissions.
 */
export interface EntryType<S extends z.ZodType = z.ZodType> {
  id: string;
  module: ModuleId;
  subModules: readonly SubModuleId[];
  fields: S;
  /** The factor set(s) its calculation reads, for the factor browser and imports. */
  factorSets: readonly string[];
  /** The leaf an overriding `kgCo2eq` is booked under, per sub-module. */
  overrideEmissionType(subModule: SubModuleId): EmissionTypeId;
  calculate(
    fields: z.output<S>,
    context: CalculationContext,
    subModule: SubModuleId,
  ): CalculationResult;
}

export function missingFactor(factorSet: string, classification: FactorQuery): CalculationFlag {
  const described = Object.entries(classification)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  return {
    code: 'missing-factor',
    factorSet,
    classification,
    message: `No ${factorSet} factor for ${described || 'this row'} in this year's factor set.`,
  };
}

export function missingReference(reference: string, message: string): CalculationFlag {
  return { code: 'missing-reference', reference, message };
}

/**
 * Calculates a row: a supplied `kgCo2eq` overrides the formula (and is flagged as such);
 * otherwise the entry type's calculator runs. Either way the row is kept, with its flags.
 */
export function calculateEntry<S extends z.ZodType>(
  type: EntryType<S>,
  subModule: SubModuleId,
  fields: z.output<S>,
  override: number | null | undefined,
  context: CalculationContext,
): CalculationResult {
  if (override !== null && override !== undefined) {
    return {
      emissions: [
        { emissionType: type.overrideEmissionType(subModule), kgCo2eq: override, factorIds: [] },
      ],
      flags: [
        { code: 'override', message: 'The emission was supplied with the row, not calculated.' },
      ],
    };
  }
  return type.calculate(fields, context, subModule);
}

/** Total kg CO2-eq of a result. */
export function totalKg(result: CalculationResult): number {
  return result.emissions.reduce((sum, line) => sum + line.kgCo2eq, 0);
}

/**
 * The result with an `outlier` flag added when its total is above the sub-module's
 * threshold (the year's module setting; none: never an outlier). Every writer of rows
 * (interactive edits, imports, recalculations) flags the same way.
 */
export function withOutlierFlag(
  result: CalculationResult,
  thresholdKg: number | null | undefined,
): CalculationResult {
  const kgCo2eq = result.emissions.reduce((sum, line) => sum + line.kgCo2eq, 0);
  if (thresholdKg === null || thresholdKg === undefined || !(kgCo2eq > thresholdKg)) return result;
  return {
    emissions: result.emissions,
    flags: [
      ...result.flags,
      {
        code: 'outlier',
        thresholdKg,
        message: `${Math.round(kgCo2eq)} kg CO₂-eq is above this module's outlier threshold (${thresholdKg} kg).`,
      },
    ],
  };
}
