import { z } from 'zod';
import {
  type CalculationFlag,
  type CalculationResult,
  type EntryType,
  missingFactor,
} from '../calculation.js';
import type { EmissionTypeId } from '../emission-types.js';
import type { FactorIndex } from '../factors.js';
import type { SubModuleId } from '../modules.js';
import { currencyCode, toEur } from './money.js';

/** The purchase categories this entry type serves; each books under `purchases.<category>`. */
export const PURCHASE_SUB_MODULES = [
  'scientific-equipment',
  'it-equipment',
  'consumables',
  'bio-chem-gas',
  'services',
  'vehicles',
  'other-purchases',
] as const;

export type PurchaseSubModule = (typeof PURCHASE_SUB_MODULES)[number];

const PURCHASE_EMISSION_TYPES = {
  'scientific-equipment': 'purchases.scientific-equipment',
  'it-equipment': 'purchases.it-equipment',
  consumables: 'purchases.consumables',
  'bio-chem-gas': 'purchases.bio-chem-gas',
  services: 'purchases.services',
  vehicles: 'purchases.vehicles',
  'other-purchases': 'purchases.other',
} as const satisfies Record<PurchaseSubModule, EmissionTypeId>;

function purchaseEmissionType(subModule: SubModuleId): EmissionTypeId {
  const emissionType = (PURCHASE_EMISSION_TYPES as Partial<Record<string, EmissionTypeId>>)[
    subModule
  ];
  if (!emissionType) throw new Error(`purchase does not serve sub-module ${subModule}`);
  return emissionType;
}

/** Nomenclatures a purchase may be coded in; factors are keyed by NACRES code. */
export const PURCHASE_CODE_SYSTEMS = ['nacres', 'unspsc'] as const;

/** Classification of a sub-module's default factor: `{ code: '*', subModule }`. */
export const PURCHASE_DEFAULT_CODE = '*';

const CODE_FORMATS = {
  nacres: { pattern: /^[A-Z]{2}\d{2}$/, message: 'must be a NACRES code: two letters, two digits' },
  unspsc: { pattern: /^\d{8}$/, message: 'must be a UNSPSC commodity code: eight digits' },
} as const;

export const purchaseFields = z
  .object({
    name: z.string().trim().min(1).max(200).describe('What was bought, e.g. "Nitrile gloves"'),
    supplier: z.string().trim().min(1).max(200).optional().describe('Who sold it'),
    quantity: z
      .number()
      .min(0)
      .optional()
      .describe('How many items were bought; informative, the amount is what is multiplied'),
    amount: z.number().min(0).describe('Amount paid, in `currency`'),
    currency: currencyCode.describe('ISO 4217 code of the amount, e.g. CHF'),
    purchaseCode: z
      .string()
      .trim()
      .toUpperCase()
      .min(1)
      .max(20)
      .describe('Purchase category in `codeSystem`: a NACRES code such as NB13, or a UNSPSC code'),
    codeSystem: z
      .enum(PURCHASE_CODE_SYSTEMS)
      .default('nacres')
      .describe('Nomenclature of `purchaseCode`; UNSPSC codes are mapped to NACRES'),
  })
  .superRefine((row, context) => {
    const format = CODE_FORMATS[row.codeSystem];
    if (!format.pattern.test(row.purchaseCode)) {
      context.addIssue({ code: 'custom', path: ['purchaseCode'], message: format.message });
    }
  });

export type PurchaseFields = z.output<typeof purchaseFields>;

/**
 * The NACRES code of a UNSPSC code, from the year's correspondence table (set
 * `purchases-unspsc`, one entry per pair, classified `{ unspsc, nacres }`). When the table
 * pairs a UNSPSC code with several NACRES codes, the first in code order is used.
 */
function nacresOfUnspsc(factors: FactorIndex, unspsc: string): string | undefined {
  return factors
    .filter('purchases-unspsc', { unspsc })
    .map((entry) => entry.classification.nacres)
    .filter((code): code is string => code !== undefined && code !== '')
    .sort()[0];
}

function purchaseFactorMissing(
  fields: PurchaseFields,
  nacres: string | undefined,
  subModule: SubModuleId,
): CalculationFlag {
  const fallback = `nor a default for sub-module ${subModule}, in this year's factor set.`;
  if (nacres !== undefined) {
    return {
      ...missingFactor('purchases', { code: nacres }),
      message: `No purchases factor for NACRES code ${nacres}, ${fallback}`,
    };
  }
  return {
    ...missingFactor('purchases', { code: PURCHASE_DEFAULT_CODE, subModule }),
    message: `No NACRES code for UNSPSC code ${fields.purchaseCode}, ${fallback}`,
  };
}

/**
 * eur = amount × rate(currency → EUR, the year's average; 1 for euros);
 * kg = eur × EF[code]. The factor is the purchase's NACRES code (a UNSPSC code is mapped to
 * NACRES first); a code without a factor (or with an empty one) falls back to the
 * sub-module's default `{ code: '*', subModule }`. The emission is booked under
 * `purchases.<sub-module>`, whatever the code.
 */
export const purchase: EntryType<typeof purchaseFields> = {
  id: 'purchase',
  module: 'purchases',
  subModules: PURCHASE_SUB_MODULES,
  fields: purchaseFields,
  factorSets: ['purchases', 'purchases-unspsc'],
  overrideEmissionType: purchaseEmissionType,
  calculate(fields, { factors, references }, subModule): CalculationResult {
    const emissionType = purchaseEmissionType(subModule);
    const nacres =
      fields.codeSystem === 'unspsc'
        ? nacresOfUnspsc(factors, fields.purchaseCode)
        : fields.purchaseCode;
    const fallback = { code: PURCHASE_DEFAULT_CODE, subModule };
    const found = factors.firstWithValue(
      'purchases',
      nacres === undefined ? [fallback] : [{ code: nacres }, fallback],
      'kgCo2eqPerEur',
    );
    const conversion = toEur(fields.amount, fields.currency, references);
    if (!found || !conversion.ok) {
      const flags: CalculationFlag[] = [];
      if (!found) flags.push(purchaseFactorMissing(fields, nacres, subModule));
      if (!conversion.ok) flags.push(conversion.flag);
      return { emissions: [], flags };
    }
    return {
      emissions: [
        {
          emissionType,
          kgCo2eq: conversion.eur * found.value,
          quantity: { value: conversion.eur, unit: 'EUR' },
          factorIds: [found.factor.id],
        },
      ],
      flags: [],
    };
  },
};
