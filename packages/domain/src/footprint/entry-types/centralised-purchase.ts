import { z } from 'zod';
import { type CalculationResult, type EntryType, missingFactor } from '../calculation.js';

/** Units that are masses: their kg per unit is fixed, a row or factor cannot change it. */
export const MASS_UNITS_KG: Readonly<Record<string, number>> = { g: 0.001, kg: 1, t: 1000 };

function massUnitKg(unit: string): number | undefined {
  return Object.hasOwn(MASS_UNITS_KG, unit) ? MASS_UNITS_KG[unit] : undefined;
}

export const centralisedPurchaseFields = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('Item of the centralised-purchase catalogue, e.g. "Copy paper A4 80 g"'),
    unit: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(20)
      .describe('Unit of the consumption: a mass (g, kg, t) or a count such as ream, l, unit'),
    annualConsumption: z.number().min(0).describe('Quantity consumed in the year, in `unit`'),
    kgPerUnit: z
      .number()
      .positive()
      .optional()
      .describe('Mass of one unit in kg (e.g. 2.5 for a ream of A4 80 g); replaces the default'),
  })
  .superRefine((row, context) => {
    if (row.kgPerUnit !== undefined && massUnitKg(row.unit) !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['kgPerUnit'],
        message: `must be left empty: ${row.unit} is a mass unit`,
      });
    }
  });

export type CentralisedPurchaseFields = z.output<typeof centralisedPurchaseFields>;

/**
 * kg = annualConsumption × kgPerUnit × EF[name] (kg CO2-eq per kg of material).
 * kgPerUnit is fixed for a mass unit (g, kg, t), else the row's, else the `kgPerUnit` value of
 * the factor classified `{ name, unit }` for that very unit. The emission factor is the
 * `{ name, unit }` factor's `kgCo2eqPerKg`, falling back to the `{ name }` factor's.
 */
export const centralisedPurchase: EntryType<typeof centralisedPurchaseFields> = {
  id: 'centralised-purchase',
  module: 'purchases',
  subModules: ['centralised'],
  fields: centralisedPurchaseFields,
  factorSets: ['centralised-purchases'],
  overrideEmissionType: () => 'purchases.centralised',
  calculate(fields, { factors }): CalculationResult {
    const { name, unit } = fields;
    const perKg = factors.firstWithValue(
      'centralised-purchases',
      [{ name, unit }, { name }],
      'kgCo2eqPerKg',
    );
    if (!perKg) {
      return { emissions: [], flags: [missingFactor('centralised-purchases', { name })] };
    }
    const unitFactor = factors.find('centralised-purchases', { name, unit });
    const fixedKgPerUnit = massUnitKg(unit) ?? fields.kgPerUnit;
    const factorKgPerUnit = unitFactor?.values.kgPerUnit ?? undefined;
    const kgPerUnit = fixedKgPerUnit ?? factorKgPerUnit;
    if (kgPerUnit === undefined) {
      return {
        emissions: [],
        flags: [
          {
            ...missingFactor('centralised-purchases', { name, unit }),
            message: `No kg per ${unit} for ${name}: give kgPerUnit with the row or in the factor set.`,
          },
        ],
      };
    }
    const factorIds = [perKg.factor.id];
    if (fixedKgPerUnit === undefined && unitFactor && unitFactor.id !== perKg.factor.id) {
      factorIds.push(unitFactor.id);
    }
    const massKg = fields.annualConsumption * kgPerUnit;
    return {
      emissions: [
        {
          emissionType: 'purchases.centralised',
          kgCo2eq: massKg * perKg.value,
          quantity: { value: massKg, unit: 'kg' },
          factorIds,
        },
      ],
      flags: [],
    };
  },
};
