import { SUB_MODULE_IDS } from '@co2-calculator/domain';
import { z } from 'zod';

/** What an import loads (PRODUCT.md §5). */
export const IMPORT_TARGETS = ['module-data-all', 'module-data-unit'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export const importBodySchema = z
  .object({
    target: z
      .enum(IMPORT_TARGETS)
      .describe(
        '`module-data-all`: one sub-module of every unit (a `unitCode` column), replacing the ' +
          'earlier back-office rows; `module-data-unit`: one sub-module of the unit `unitId`',
      ),
    year: z.number().int().min(2000).max(2100),
    subModule: z.enum(SUB_MODULE_IDS).optional(),
    unitId: z.uuid().optional(),
    mode: z
      .enum(['replace', 'append'])
      .default('replace')
      .describe('Inside a unit: add to its CSV rows, or replace them (manual rows are kept)'),
    uploadKey: z.string().min(1).max(300).describe('The `key` returned by POST /uploads'),
  })
  .meta({ id: 'ImportRequest' });

export type ImportBody = z.infer<typeof importBodySchema>;

export const importAcceptedSchema = z
  .object({
    jobId: z.string(),
    pipelineId: z.string(),
    links: z.object({ job: z.string(), events: z.string() }),
  })
  .meta({ id: 'ImportAccepted' });
