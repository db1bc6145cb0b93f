import { z } from 'zod';
import {
  type CalculationFlag,
  type CalculationResult,
  type EntryType,
  missingFactor,
} from '../calculation.js';
import { currencyCode, toEur } from './money.js';

/** Wildcard of the `cloud` classification: any service of a provider, or any provider. */
export const CLOUD_ANY = '*';

export const cloudServiceFields = z.object({
  service: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('Service billed, as named in the factor set (e.g. compute, storage)'),
  provider: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('Cloud provider, as named in the factor set (e.g. aws, azure, gcp)'),
  amount: z.number().min(0).describe('Amount billed for the year, in `currency`'),
  currency: currencyCode.describe('ISO 4217 code of the amount, e.g. USD'),
});

export type CloudServiceFields = z.output<typeof cloudServiceFields>;

/**
 * eur = amount × rate(currency → EUR, the year's average; 1 for euros); kg = eur × EF. The
 * factor is `{ provider, service }`, falling back to `{ provider, service: '*' }`, then to
 * `{ provider: '*', service: '*' }`.
 */
export const cloudService: EntryType<typeof cloudServiceFields> = {
  id: 'cloud-service',
  module: 'external-cloud-ai',
  subModules: ['cloud'],
  fields: cloudServiceFields,
  factorSets: ['cloud'],
  overrideEmissionType: () => 'digital.cloud',
  calculate(fields, { factors, references }): CalculationResult {
    const { provider, service } = fields;
    const found = factors.firstWithValue(
      'cloud',
      [
        { provider, service },
        { provider, service: CLOUD_ANY },
        { provider: CLOUD_ANY, service: CLOUD_ANY },
      ],
      'kgCo2eqPerEur',
    );
    const conversion = toEur(fields.amount, fields.currency, references);
    if (!found || !conversion.ok) {
      const flags: CalculationFlag[] = [];
      if (!found) flags.push(missingFactor('cloud', { provider, service }));
      if (!conversion.ok) flags.push(conversion.flag);
      return { emissions: [], flags };
    }
    return {
      emissions: [
        {
          emissionType: 'digital.cloud',
          kgCo2eq: conversion.eur * found.value,
          quantity: { value: conversion.eur, unit: 'EUR' },
          factorIds: [found.factor.id],
        },
      ],
      flags: [],
    };
  },
};
