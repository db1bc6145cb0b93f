import { MODULE_IDS, SUB_MODULE_IDS } from '@co2-calculator/domain';
import { z } from 'zod';
import { listOf, paginationQuery } from '../../platform/http/list.js';

export const reductionGoalSchema = z
  .object({
    targetYear: z.number().int().min(2000).max(2100),
    referenceYear: z.number().int().min(2000).max(2100),
    percent: z.number().min(0).max(100).describe('Reduction from the reference year, in %'),
  })
  .refine((goal) => goal.targetYear > goal.referenceYear, {
    message: 'the target year must come after the reference year',
    path: ['targetYear'],
  });

export const yearModuleSchema = z
  .object({
    module: z.enum(MODULE_IDS),
    enabled: z.boolean(),
    subModules: z
      .array(z.enum(SUB_MODULE_IDS))
      .nullable()
      .describe('Enabled sub-modules; null for all of the module’s'),
    outlierThresholdKg: z.number().positive().nullable().describe('Rows above this are flagged'),
    subModuleThresholdsKg: z
      .partialRecord(z.enum(SUB_MODULE_IDS), z.number().positive())
      .default({})
      .describe('A sub-module’s own outlier threshold, in place of the module’s'),
    uncertainty: z.enum(['low', 'medium', 'high']).nullable(),
  })
  .meta({ id: 'YearModule' });

export const yearSchema = z
  .object({
    year: z.number().int(),
    open: z.boolean().describe('Visible to unit users'),
    reductionGoals: z.array(reductionGoalSchema),
    modules: z.array(yearModuleSchema),
  })
  .meta({ id: 'Year' });

export const yearListSchema = listOf(yearSchema).meta({ id: 'YearList' });

/** Years are a few dozen at most: one page holds them all unless asked otherwise. */
export const yearListQuerySchema = z.object({ ...paginationQuery });

export const yearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const putYearBodySchema = z
  .object({
    open: z.boolean(),
    reductionGoals: z
      .array(reductionGoalSchema)
      .max(20)
      .optional()
      .describe('Omitted: kept (a new year: those of `copyFrom`, else none)'),
    modules: z
      .array(yearModuleSchema)
      .optional()
      .describe(
        'Module settings; omitted modules keep theirs (new years: enabled, all sub-modules)',
      ),
    copyFrom: z
      .number()
      .int()
      .optional()
      .describe('Creating a year: start from this year’s module settings and goals'),
  })
  .meta({ id: 'PutYear' });

export type Year = z.infer<typeof yearSchema>;
export type PutYearBody = z.infer<typeof putYearBodySchema>;
