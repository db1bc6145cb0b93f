import { z } from 'zod';
import {
  type CalculationFlag,
  type CalculationResult,
  type EntryType,
  missingFactor,
} from '../calculation.js';

/**
 * Working days per FTE and year when the `ai` factor leaves `workingDaysPerYear` empty:
 * 52 weeks × 5 days less about 8 weeks of leave and public holidays (a convention).
 */
export const AI_DEFAULT_WORKING_DAYS_PER_YEAR = 220;

/** Wildcard provider of the `ai` classification: a usage type whatever the provider. */
export const AI_ANY_PROVIDER = '*';

export const aiUsageFields = z.object({
  provider: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('AI provider, as named in the factor set (e.g. openai, mistral)'),
  usageType: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .describe('Kind of use, as named in the factor set (e.g. chat, code, image)'),
  requestsBand: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .describe('Requests per user and working day, as a band of the factor set (e.g. 10-50)'),
  fte: z.number().min(0).describe('Full-time equivalents using it at that rate'),
});

export type AiUsageFields = z.output<typeof aiUsageFields>;

/**
 * requests = requestsPerDay[band] × workingDaysPerYear × FTE; kg = requests × EF per request.
 * The factor is `{ provider, usageType }`, falling back to `{ provider: '*', usageType }`; the
 * band's requests per day come from set `ai-bands`; working days from the `ai` factor, else
 * 220.
 */
export const aiUsage: EntryType<typeof aiUsageFields> = {
  id: 'ai-usage',
  module: 'external-cloud-ai',
  subModules: ['ai'],
  fields: aiUsageFields,
  factorSets: ['ai', 'ai-bands'],
  overrideEmissionType: () => 'digital.ai',
  calculate(fields, { factors }): CalculationResult {
    const { provider, usageType, requestsBand: band } = fields;
    const perRequest = factors.firstWithValue(
      'ai',
      [
        { provider, usageType },
        { provider: AI_ANY_PROVIDER, usageType },
      ],
      'kgCo2eqPerRequest',
    );
    const perDay = factors.firstWithValue('ai-bands', [{ band }], 'requestsPerDay');
    if (!perRequest || !perDay) {
      const flags: CalculationFlag[] = [];
      if (!perRequest) flags.push(missingFactor('ai', { provider, usageType }));
      if (!perDay) flags.push(missingFactor('ai-bands', { band }));
      return { emissions: [], flags };
    }
    const workingDays =
      perRequest.factor.values.workingDaysPerYear ?? AI_DEFAULT_WORKING_DAYS_PER_YEAR;
    const requests = perDay.value * workingDays * fields.fte;
    return {
      emissions: [
        {
          emissionType: 'digital.ai',
          kgCo2eq: requests * perRequest.value,
          quantity: { value: requests, unit: 'request' },
          factorIds: [perRequest.factor.id, perDay.factor.id],
        },
      ],
      flags: [],
    };
  },
};
