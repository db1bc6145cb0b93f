import { z } from 'zod';
import { type CalculationResult, type EntryType, missingFactor } from '../calculation.js';

/** Fuels burnt on site (boilers, generators, furnaces); each needs a factor per unit used. */
export const COMBUSTION_FUELS = [
  'natural-gas',
  'biogas',
  'heating-oil',
  'diesel',
  'petrol',
  'propane',
  'butane',
  'wood-pellets',
  'wood-chips',
  'wood-logs',
] as const;

/** The units a fuel quantity may be stated in, as on the supplier's invoice. */
export const COMBUSTION_UNITS = ['kWh', 'kg', 'l'] as const;

export const combustionFields = z.object({
  fuel: z.enum(COMBUSTION_FUELS).describe('Fuel burnt on site, e.g. natural-gas'),
  unit: z.enum(COMBUSTION_UNITS).describe('Unit of the quantity: kWh (energy), kg or l'),
  quantity: z
    .number()
    .min(0)
    .max(1e9)
    .describe('Quantity burnt in the reporting year, in `unit` (as invoiced)'),
});

export type CombustionFields = z.output<typeof combustionFields>;

/**
 * kg CO2-eq = quantity × EF[fuel, unit]. The factor is per unit of the row (kWh, kg or l);
 * there is no conversion between units, so a fuel whose set has no factor in the row's unit is
 * kept and flagged.
 */
export const combustion: EntryType<typeof combustionFields> = {
  id: 'combustion',
  module: 'buildings',
  subModules: ['combustion'],
  fields: combustionFields,
  factorSets: ['combustion'],
  overrideEmissionType: () => 'buildings.combustion',
  calculate({ fuel, unit, quantity }, { factors }): CalculationResult {
    const factor = factors.find('combustion', { fuel, unit });
    if (factor?.values.kgCo2eqPerUnit == null) {
      return { emissions: [], flags: [missingFactor('combustion', { fuel, unit })] };
    }
    return {
      emissions: [
        {
          emissionType: 'buildings.combustion',
          kgCo2eq: quantity * factor.values.kgCo2eqPerUnit,
          quantity: { value: quantity, unit },
          factorIds: [factor.id],
        },
      ],
      flags: [],
    };
  },
};
