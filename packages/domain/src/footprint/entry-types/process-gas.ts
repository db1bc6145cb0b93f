import { z } from 'zod';
import { type CalculationResult, type EntryType, missingFactor } from '../calculation.js';
import type { EmissionTypeId } from '../emission-types.js';
import type { Factor, FactorIndex } from '../factors.js';
import type { SubModuleId } from '../modules.js';

/** Factor set and emission leaf of each sub-module of process emissions. */
export const PROCESS_GAS_SUB_MODULES = {
  gases: { factorSet: 'process-gases', emissionType: 'process.gases' },
  refrigerants: { factorSet: 'refrigerants', emissionType: 'process.refrigerants' },
} as const satisfies Partial<
  Record<SubModuleId, { factorSet: string; emissionType: EmissionTypeId }>
>;

function processGasSubModule(subModule: SubModuleId) {
  return subModule === 'refrigerants'
    ? PROCESS_GAS_SUB_MODULES.refrigerants
    : PROCESS_GAS_SUB_MODULES.gases;
}

/** A gas code as compared with the factor set: case, spaces and hyphens do not matter. */
export function normaliseGasCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

/** The factor of a code: the exact classification first, then the same code written otherwise. */
function gasFactor(factors: FactorIndex, factorSet: string, code: string): Factor | undefined {
  const normalised = normaliseGasCode(code);
  return (
    factors.find(factorSet, { code }) ??
    factors
      .filter(factorSet)
      .find((factor) => normaliseGasCode(factor.classification.code ?? '') === normalised)
  );
}

export const processGasFields = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .describe('Gas or refrigerant, e.g. CO2, CH4, N2O, SF6, R-134a, R-410A'),
  kgReleased: z
    .number()
    .min(0)
    .max(1_000_000)
    .describe('Mass released to the atmosphere over the year (leaks, top-ups, venting), in kg'),
  note: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .describe('Free text, e.g. the equipment or the event; not used by the calculation'),
});

export type ProcessGasFields = z.output<typeof processGasFields>;

/**
 * kg CO2-eq = kg released × GWP100[code], from the set `process-gases` (sub-module gases) or
 * `refrigerants` (sub-module refrigerants), booked under process.gases or process.refrigerants.
 * A code without a GWP in the year's set is flagged.
 */
export const processGas: EntryType<typeof processGasFields> = {
  id: 'process-gas',
  module: 'process-emissions',
  subModules: ['gases', 'refrigerants'],
  fields: processGasFields,
  factorSets: [
    PROCESS_GAS_SUB_MODULES.gases.factorSet,
    PROCESS_GAS_SUB_MODULES.refrigerants.factorSet,
  ],
  overrideEmissionType: (subModule) => processGasSubModule(subModule).emissionType,
  calculate(fields, { factors }, subModule): CalculationResult {
    const { factorSet, emissionType } = processGasSubModule(subModule);
    const factor = gasFactor(factors, factorSet, fields.code);
    if (!factor || factor.values.gwp100 == null) {
      return { emissions: [], flags: [missingFactor(factorSet, { code: fields.code })] };
    }
    return {
      emissions: [
        {
          emissionType,
          kgCo2eq: fields.kgReleased * factor.values.gwp100,
          quantity: { value: fields.kgReleased, unit: 'kg' },
          factorIds: [factor.id],
        },
      ],
      flags: [],
    };
  },
};
